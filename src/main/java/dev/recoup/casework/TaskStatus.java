package dev.recoup.casework;

/** A task is open until it is done (with an outcome), cancelled (with a reason) or expired (left undone too long). */
public enum TaskStatus {
    OPEN, DONE, CANCELLED, EXPIRED
}
