package dev.recoup.demo;

import dev.recoup.shared.BusinessClock;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Command line of the demo generator. Prints a JSON summary on standard output; problems go to
 * standard error. Exit codes: 0 done, 1 could not write, 2 bad arguments.
 */
public final class GenerateCommand {

    static final String USAGE = """
            usage: generate-demo [--accounts N] [--seed S] [--as-of yyyy-MM-dd] [--out DIR] [--xlsx]
              --accounts N   loan accounts to generate (default 1000)
              --seed S       random seed (default 42); same seed and arguments give byte-identical files
              --as-of DATE   the date the portfolio is observed on: schedules, payments and days past due
                             are relative to it (default: today in Asia/Shanghai, which makes the output
                             depend on the day it is run; pass it for reproducible files)
              --out DIR      output directory (default data/demo)
              --xlsx         also write portfolio.xlsx, one sheet per kind (at most 100000 accounts)
            Options also take the form --name=value.""";

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the generator with command-line arguments; returns the exit status. */
    public static int run(String[] args) {
        return run(args, new BusinessClock(Clock.system(DEFAULT_ZONE)), System.out, System.err);
    }

    static int run(String[] args, BusinessClock clock, PrintStream out, PrintStream err) {
        int accounts = 1000;
        long seed = 42;
        LocalDate asOf = null;
        Path directory = Path.of("data", "demo");
        boolean workbook = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value = null;
                int equals = name.indexOf('=');
                if (name.startsWith("--") && equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                switch (name) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--xlsx" -> workbook = true;
                    case "--accounts", "--seed", "--as-of", "--out" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--accounts" -> accounts = parseAccounts(value);
                            case "--seed" -> seed = parse(name, value);
                            case "--as-of" -> asOf = parseDate(value);
                            default -> directory = Path.of(value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (workbook && accounts > DemoPortfolioGenerator.MAX_WORKBOOK_ACCOUNTS) {
                throw new IllegalArgumentException("--xlsx is for at most " + DemoPortfolioGenerator.MAX_WORKBOOK_ACCOUNTS
                        + " accounts, --accounts is " + accounts);
            }
        } catch (IllegalArgumentException e) {
            err.println("generate-demo: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (asOf == null) {
            asOf = clock.today();
            err.println("generate-demo: no --as-of given, using today in " + clock.zone() + " (" + asOf
                    + "); the files depend on that date");
        }
        try {
            GenerationSummary summary = new DemoPortfolioGenerator().generate(directory, accounts, seed, asOf, workbook);
            out.println(summary.toJson());
            return 0;
        } catch (UncheckedIOException e) {
            err.println("generate-demo: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    private static int parseAccounts(String value) {
        long accounts = parse("--accounts", value);
        if (accounts < 1 || accounts > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--accounts must be between 1 and " + Integer.MAX_VALUE + ", was " + value);
        }
        return (int) accounts;
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be a date as yyyy-MM-dd, was '" + value + "'");
        }
    }
}
