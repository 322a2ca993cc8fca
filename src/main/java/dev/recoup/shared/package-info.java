/**
 * Shared kernel: values every module speaks in — money in minor units, the business clock,
 * problem responses for bad input. Plain Java except where noted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.recoup.shared;
