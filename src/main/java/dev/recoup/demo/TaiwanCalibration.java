package dev.recoup.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Counts, from the Taiwan "Default of credit card clients" data (Yeh &amp; Lien 2009, UCI, CC BY 4.0),
 * the figures the demo generator's repayment behaviour is calibrated to, and renders them as the
 * text of {@code demo/calibration.properties}.
 *
 * <p>Everything is a count, never a rounded share, so the committed file can be compared with a
 * recomputation exactly and the generator can draw with integer weights.
 *
 * <p>Definitions (months run {@code PAY_6} = April … {@code PAY_0} = September 2005):
 * <ul>
 *   <li>delay state of a month: 0 when {@code PAY} is -2, -1 or 0 (no consumption, paid in full,
 *       or paid the minimum), else the months late, with 8 counted as 7 ("7+");</li>
 *   <li>never late: state 0 in all six months;</li>
 *   <li>late then cured: late in some month, state 0 in the latest month;</li>
 *   <li>partial payer: late in the latest month, yet paid something in it ({@code PAY_AMT1 > 0}):
 *       what they paid was less than what would have made them current;</li>
 *   <li>roll forward: late in the latest month and paid nothing in it.</li>
 * </ul>
 *
 * <p>Run {@code main} with the CSV and the output file to rewrite the properties after changing a
 * definition here; {@code TaiwanCalibrationTest} fails until the committed file matches.
 */
public final class TaiwanCalibration {

    /** Status columns from the oldest month to the latest. */
    private static final String[] STATUS = {"PAY_6", "PAY_5", "PAY_4", "PAY_3", "PAY_2", "PAY_0"};
    static final int MAX_STATE = 7;

    private long holders;
    private long neverLate;
    private long lateThenCured;
    private long partialPayer;
    private long rollForward;
    private final long[] partialMonthsLate = new long[MAX_STATE + 1];
    private final long[] rollForwardMonthsLate = new long[MAX_STATE + 1];
    private final long[] curedWorstMonthsLate = new long[MAX_STATE + 1];
    private final long[][] transitions = new long[MAX_STATE + 1][MAX_STATE + 1];

    private TaiwanCalibration() {
    }

    /** Reads the data set and returns the properties text (LF line ends). */
    public static String compute(Reader csv) {
        TaiwanCalibration calibration = new TaiwanCalibration();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord holder : reader) {
                calibration.count(holder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calibration.render();
    }

    public static String compute(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return compute(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code TaiwanCalibration <taiwan-credit-card-default.csv> <calibration.properties>} */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TaiwanCalibration <taiwan-credit-card-default.csv> <calibration.properties>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), compute(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    private void count(NamedCsvRecord holder) {
        holders++;
        int previous = -1;
        int worst = 0;
        int latest = 0;
        for (String column : STATUS) {
            int pay = Integer.parseInt(holder.getField(column).trim());
            int state = Math.min(Math.max(pay, 0), MAX_STATE);
            if (previous >= 0) {
                transitions[previous][state]++;
            }
            worst = Math.max(worst, state);
            latest = state;
            previous = state;
        }
        if (worst == 0) {
            neverLate++;
        } else if (latest == 0) {
            lateThenCured++;
            curedWorstMonthsLate[worst]++;
        } else if (Double.parseDouble(holder.getField("PAY_AMT1").trim()) > 0) {
            partialPayer++;
            partialMonthsLate[latest]++;
        } else {
            rollForward++;
            rollForwardMonthsLate[latest]++;
        }
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Repayment behaviour calibration of the demo portfolio generator (dev.recoup.demo).
                # Computed by dev.recoup.demo.TaiwanCalibration from the Taiwan "Default of credit card
                # clients" data (Yeh & Lien 2009, UCI Machine Learning Repository, CC BY 4.0), copied in
                # src/test/resources/calibration/. Do not edit by hand: TaiwanCalibrationTest recomputes
                # this file from the CSV and fails when it differs.
                #
                # Delay state of a month: 0 = paid (PAY -2, -1 or 0); 1..7 = months late (8 counted as 7+).
                # Months run PAY_6 (April) .. PAY_0 (September 2005); "latest" = September.

                """);
        out.append("holders=").append(holders).append("\n\n");
        out.append("# Behaviour over the six months, one class per holder (counts; share of holders):\n");
        out.append(shareLine("never_late", "state 0 in all six months", neverLate));
        out.append(shareLine("late_then_cured", "late in some month, state 0 in the latest", lateThenCured));
        out.append(shareLine("partial_payer", "late in the latest month, paid something in it", partialPayer));
        out.append(shareLine("roll_forward", "late in the latest month, paid nothing in it", rollForward));
        out.append("behaviour.never_late=").append(neverLate).append('\n');
        out.append("behaviour.late_then_cured=").append(lateThenCured).append('\n');
        out.append("behaviour.partial_payer=").append(partialPayer).append('\n');
        out.append("behaviour.roll_forward=").append(rollForward).append("\n\n");

        out.append("# Months late in the latest month, counts for 1, 2, ..., 7+:\n");
        out.append("months_late.partial_payer=").append(list(partialMonthsLate, 1)).append('\n');
        out.append("months_late.roll_forward=").append(list(rollForwardMonthsLate, 1)).append("\n\n");
        out.append("# Worst months late over the six months of the late_then_cured holders, 1, 2, ..., 7+:\n");
        out.append("worst_months_late.late_then_cured=").append(list(curedWorstMonthsLate, 1)).append("\n\n");

        out.append("""
                # Month-to-month transitions between delay states, pooled over the five pairs of
                # consecutive months: transitions.from.K = counts of next-month states 0, 1, ..., 7+.
                # Roll rate = share moving to a worse state (from 7+: staying in 7+); cure = share to 0.
                # The data set almost never records state 1 before September (a known quirk: first
                # delays appear as 2), so the row from state 1 is nearly empty.
                """);
        for (int from = 0; from <= MAX_STATE; from++) {
            long observed = 0;
            long rolled = 0;
            for (int to = 0; to <= MAX_STATE; to++) {
                observed += transitions[from][to];
                if (to > from || to == MAX_STATE) {
                    rolled += transitions[from][to];
                }
            }
            out.append(String.format(Locale.ROOT, "#   from %s: %d observed, roll %s, cure %s\n",
                    from == MAX_STATE ? "7+" : String.valueOf(from), observed,
                    percent(rolled, observed), percent(transitions[from][0], observed)));
        }
        for (int from = 0; from <= MAX_STATE; from++) {
            out.append("transitions.from.").append(from).append('=').append(list(transitions[from], 0)).append('\n');
        }
        return out.toString();
    }

    private String shareLine(String name, String definition, long count) {
        return String.format(Locale.ROOT, "#   %-16s %-50s %s\n", name, definition, percent(count, holders));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    private static String list(long[] counts, int from) {
        return LongStream.range(from, counts.length).mapToObj(i -> String.valueOf(counts[(int) i]))
                .collect(Collectors.joining(","));
    }
}
