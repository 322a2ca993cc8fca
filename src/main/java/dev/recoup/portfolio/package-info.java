/**
 * Portfolio: what a lender hands over — customers, their contacts, loan accounts with their
 * repayment schedules, payments and collateral — and how it gets in: CSV files, Excel workbooks
 * and JSON, validated row by row, bulk-loaded and upserted by the lender's ids so that
 * re-importing the same data changes nothing.
 *
 * <p>The public entry point for other modules is {@link dev.recoup.portfolio.PortfolioImporter}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portfolio")
package dev.recoup.portfolio;
