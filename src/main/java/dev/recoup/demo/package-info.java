/**
 * Demo portfolio: a deterministic generator of realistic synthetic portfolios in the Recoup
 * import format (customers, contacts, accounts, instalments, payments, collateral; CSV and
 * optionally one XLSX workbook), for demos, first-start data and benchmarks. Repayment behaviour
 * is calibrated to the Taiwan credit-card default data (see {@link dev.recoup.demo.TaiwanCalibration}
 * and ADR 0003). Plain Java: {@link dev.recoup.demo.DemoPortfolioGenerator} is the API,
 * {@link dev.recoup.demo.GenerateCommand} the command line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo portfolio")
package dev.recoup.demo;
