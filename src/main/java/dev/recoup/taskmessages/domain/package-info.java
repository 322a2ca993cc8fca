/** What a task's message says about the debt, as display text: plain Java. */
package dev.recoup.taskmessages.domain;
