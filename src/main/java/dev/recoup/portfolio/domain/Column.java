package dev.recoup.portfolio.domain;

/**
 * One column of an import format.
 *
 * @param index    position in its {@link Layout}, which is also the order values are handed over in
 * @param required a required column must be in the header, and its cells must not be empty
 * @param date     holds dates (a workbook may store them as day numbers, which are converted)
 */
public record Column(int index, String name, boolean required, boolean date) {

    @Override
    public String toString() {
        return name;
    }
}
