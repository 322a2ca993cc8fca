package dev.recoup.casework;

import java.util.List;

/** One page of tasks, earliest due first. */
public record TaskPage(List<Task> tasks, int page, int size, long total) {
}
