package dev.recoup.contact.outbox;

/** Whether a letter can be printed: the characters of its text that the letter font lacks (empty when none). */
public interface LetterCheck {

    String unprintable(String text);
}
