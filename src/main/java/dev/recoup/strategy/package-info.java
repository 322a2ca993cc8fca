/**
 * Strategy: versioned collection strategies (R6) — ordered segments whose conditions (CEL) pick
 * a case's segment and whose treatment paths say which tasks fall due on which day of the stage;
 * champion/challenger experiments; applied to every open case by the daily run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Strategy")
package dev.recoup.strategy;
