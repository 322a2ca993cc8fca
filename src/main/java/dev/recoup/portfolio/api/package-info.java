/** REST API of the portfolio module: imports under {@code /api/v1/imports}. */
package dev.recoup.portfolio.api;
