/**
 * Shared kernel: what every module speaks in — amounts as minor units (long fen, see MinorUnits), the business clock,
 * problem responses for bad input. Plain Java except where noted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.recoup.shared;
