/**
 * Platform: what every capability stands on but none owns — the embedded PostgreSQL, login, the
 * start-up banner, error rendering and API documentation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.recoup.platform;
