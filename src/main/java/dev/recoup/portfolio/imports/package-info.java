/**
 * How an import runs: reading CSV, workbook sheets and JSON as streams of rows, checking the
 * header, staging valid rows with PostgreSQL COPY and applying them with set-based SQL in one
 * transaction, and keeping the report. Internal to the portfolio module.
 */
package dev.recoup.portfolio.imports;
