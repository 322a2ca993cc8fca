/**
 * The end-to-end benchmark: generates a portfolio, imports it through the real import path, runs
 * the daily run, and measures PostgreSQL's own floor (COPY in, COPY out) on the same data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmark")
package dev.recoup.bench;
