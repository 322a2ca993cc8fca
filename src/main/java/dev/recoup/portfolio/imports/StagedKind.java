package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.domain.AccountRecord;
import dev.recoup.portfolio.domain.Cells;
import dev.recoup.portfolio.domain.CollateralRecord;
import dev.recoup.portfolio.domain.Column;
import dev.recoup.portfolio.domain.ContactRecord;
import dev.recoup.portfolio.domain.CustomerRecord;
import dev.recoup.portfolio.domain.InstalmentRecord;
import dev.recoup.portfolio.domain.Layout;
import dev.recoup.portfolio.domain.PaymentRecord;
import dev.recoup.portfolio.domain.ReasonCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one kind travels from checked rows to its table: the staging table rows are copied into,
 * the key duplicates are found by, the table its references must exist in, and how rows are
 * updated and inserted.
 * The SQL is generated from these few facts so that the six kinds cannot drift apart.
 *
 * @param stagingColumns column definitions of the staging table, in the order {@link #stager} writes values
 * @param key            staging columns identifying a row (the lender's id; account and seq for instalments)
 * @param keyColumn      the column a duplicate is reported on
 * @param parent         the row another kind must have for this one to be accepted, or null
 * @param upsert         how staged rows are updated or inserted
 */
record StagedKind(ImportKind kind, Layout layout, String stagingColumns, List<String> key, Column keyColumn,
                  String keyDescription, Parent parent, Upsert upsert, RowStager stager) {

    /** Reads a row from checked cells and, when it is accepted, writes its staging values. */
    interface RowStager {
        /** @return false when the row is rejected (the reasons are in {@code cells}); nothing is written then */
        boolean stage(Cells cells, CopyText out);
    }

    /**
     * A reference to a row of another kind, by the lender's id.
     *
     * @param table        the referenced table ({@code customer})
     * @param refColumn    its column holding the lender's id ({@code customer_ref})
     * @param stagingRef   the staging column holding the id referred to
     * @param reportColumn the column a missing reference is reported on
     */
    record Parent(String table, String refColumn, String stagingRef, Column reportColumn, ReasonCode code) {
    }

    /**
     * @param table     the table written
     * @param conflict  its unique key: the lender's id (account and seq for instalments)
     * @param columns   pairs of target column and the expression over the staging row {@code s}
     *                  (and the parent row {@code p}) that fills it
     * @param stamped   whether the table has created_at (instalment has only updated_at)
     */
    record Upsert(String table, String conflict, List<String[]> columns, boolean stamped) {
    }

    /** The staging columns the set-based statements join and group on. */
    List<String> analysedColumns() {
        var columns = new LinkedHashSet<>(key);
        if (parent != null) {
            columns.add(parent.stagingRef());
        }
        columns.add("file_no");
        return List.copyOf(columns);
    }

    String stagingTable() {
        return "stage_" + kind.key();
    }

    String createStaging() {
        return "create temporary table " + stagingTable() + " (" + stagingColumns
                + ", file_no integer not null, row_no bigint not null) on commit drop";
    }

    String copyStaging() {
        String columns = List.of(stagingColumns.split(",")).stream()
                .map(definition -> definition.strip().split("\\s+")[0]).collect(Collectors.joining(", "));
        return "copy " + stagingTable() + " (" + columns + ", file_no, row_no) from stdin";
    }

    /**
     * Rejects the second and later rows with the same key (across all files of the kind in this
     * import), naming the first; returns rejected rows per file. Only keys that occur more than
     * once are sorted: the common case, no duplicates, costs one hash aggregate.
     */
    String rejectDuplicates() {
        String keys = String.join(", ", key);
        String sKeys = key.stream().map(k -> "s." + k).collect(Collectors.joining(", "));
        String shownValue = "cast(s." + key.getLast() + " as text)";
        return """
                with dup_keys as (
                    select %1$s from %2$s group by %1$s having count(*) > 1
                ), ranked as (
                    select s.file_no, s.row_no, row_number() over w as n,
                           first_value(s.file_no) over w as first_file, first_value(s.row_no) over w as first_row
                    from %2$s s join dup_keys using (%1$s)
                    window w as (partition by %3$s order by s.file_no, s.row_no)
                ), removed as (
                    delete from %2$s s using ranked r
                    where r.n > 1 and s.file_no = r.file_no and s.row_no = r.row_no
                    returning s.file_no, s.row_no, %4$s as shown, r.first_file, r.first_row
                ), rejected as (
                    insert into portfolio_import_rejection (import_id, file_no, row_no, column_no, column_name, value, code, args)
                    select :importId, d.file_no, d.row_no, :columnNo, :columnName, d.shown, 'duplicate',
                           array[:keyDescription, cast(d.first_row as text), f.file_name || coalesce(' [' || f.sheet_name || ']', '')]
                    from removed d join portfolio_import_file f on f.import_id = :importId and f.file_no = d.first_file
                    returning file_no
                )
                select file_no, count(*) as rejected from rejected group by file_no""".formatted(keys, stagingTable(), sKeys, shownValue);
    }

    /**
     * Rejects rows whose parent (customer, account) is neither in the portfolio nor accepted
     * earlier in this import (parents are applied first); returns rejected rows per file.
     */
    String rejectMissingParents() {
        return """
                with missing as (
                    delete from %1$s s where not exists (select 1 from %2$s p where p.%3$s = s.%4$s)
                    returning s.file_no, s.row_no, s.%4$s as ref
                ), rejected as (
                    insert into portfolio_import_rejection (import_id, file_no, row_no, column_no, column_name, value, code, args)
                    select :importId, file_no, row_no, :columnNo, :columnName, ref, :code, array[ref]
                    from missing
                    returning file_no
                )
                select file_no, count(*) as rejected from rejected group by file_no"""
                .formatted(stagingTable(), parent.table(), parent.refColumn(), parent.stagingRef());
    }

    /**
     * Applies all staged rows to a table that already holds rows, in one MERGE: a row whose key
     * is stored and whose values differ is updated, a row whose key is not stored is inserted,
     * and a row equal to the stored one is not touched at all (MERGE locks or writes a matched
     * row only when a WHEN clause applies, so its updated_at stays). Returns (file_no, inserted,
     * updated) per file.
     *
     * <p>One join of staging against the table decides both cases. MERGE inserts with a plain
     * insert, not with speculative insertion like INSERT ... ON CONFLICT: a concurrent insert of
     * the same key would fail with a unique violation instead of turning into an update. That
     * cannot happen because imports, the only writers of these tables, take
     * {@code PortfolioWriteLock.IMPORT_KEY} exclusively before they stage anything. A foreign key
     * column that keeps its value is not checked again by PostgreSQL on update.
     */
    String merge() {
        List<String> targets = upsert.columns().stream().map(c -> c[0]).toList();
        List<String> updatable = updatable();
        return """
                with applied as (
                    merge into %1$s as t
                    using %2$s on %3$s
                    when matched and (%4$s) is distinct from (%5$s) then
                        update set %6$s, updated_at = :now
                    when not matched then
                        insert (%7$s%8$s) values (%9$s%10$s)
                    returning merge_action() as action, s.file_no
                )
                select file_no, count(*) filter (where action = 'INSERT') as inserted,
                       count(*) filter (where action = 'UPDATE') as updated
                from applied group by file_no"""
                .formatted(upsert.table(), parent == null ? from() : "(" + from() + ")", sameKey("t"),
                        updatable.stream().map(c -> "t." + c).collect(Collectors.joining(", ")),
                        updatable.stream().map(this::expression).collect(Collectors.joining(", ")),
                        updatable.stream().map(c -> c + " = " + expression(c)).collect(Collectors.joining(", ")),
                        String.join(", ", targets), stampColumns(),
                        targets.stream().map(this::expression).collect(Collectors.joining(", ")), stampValues());
    }

    /**
     * Inserts the staged rows of one file into a table that held no row when the kind's turn
     * came (checked under the import lock, see {@link #merge()}): every staged row is new. A plain
     * INSERT ... SELECT, in the order of the table's unique key, so index insertion runs along
     * the index's right edge. Also chosen because the statistics of an empty table can lead the
     * planner to join staging to it with a nested loop that scans the table for every staged row
     * while the statement grows it.
     */
    String insertIntoEmpty() {
        List<String> targets = upsert.columns().stream().map(c -> c[0]).toList();
        return """
                insert into %1$s (%2$s%3$s)
                select %4$s%5$s from %6$s
                where s.file_no = :fileNo
                order by %7$s"""
                .formatted(upsert.table(), String.join(", ", targets), stampColumns(),
                        targets.stream().map(this::expression).collect(Collectors.joining(", ")), stampValues(),
                        from(), conflict().stream().map(this::expression).collect(Collectors.joining(", ")));
    }

    /** Staging, joined to the parent table when the kind has one. */
    private String from() {
        return parent == null
                ? stagingTable() + " s"
                : stagingTable() + " s join " + parent.table() + " p on p." + parent.refColumn() + " = s." + parent.stagingRef();
    }

    private String stampColumns() {
        return upsert.stamped() ? ", created_at, updated_at" : ", updated_at";
    }

    private String stampValues() {
        return upsert.stamped() ? ", :now, :now" : ", :now";
    }

    /** Whether the target table holds no row at all. */
    String targetIsEmpty() {
        return "select not exists (select 1 from " + upsert.table() + ")";
    }

    private List<String> conflict() {
        return List.of(upsert.conflict().split(",\\s*"));
    }

    private List<String> updatable() {
        List<String> conflict = conflict();
        return upsert.columns().stream().map(c -> c[0]).filter(t -> !conflict.contains(t)).toList();
    }

    /** The expression over the staging row (and its parent) that fills a target column. */
    private String expression(String target) {
        return upsert.columns().stream().filter(c -> c[0].equals(target)).findFirst().orElseThrow()[1];
    }

    /** The stored row {@code alias} has the key of the staged row. */
    private String sameKey(String alias) {
        return conflict().stream().map(c -> alias + "." + c + " = " + expression(c)).collect(Collectors.joining(" and "));
    }

    /** The staging definition of every kind; accounts need the accepted currencies. */
    static StagedKind of(ImportKind kind, List<String> currencies) {
        return switch (kind) {
            case CUSTOMERS -> new StagedKind(kind, CustomerRecord.LAYOUT,
                    "customer_ref text, name text, id_number text, birth_date date, gender text, occupation text, employer text, "
                            + "region_code text, address text",
                    List.of("customer_ref"), CustomerRecord.CUSTOMER_ID, "customer_id", null,
                    new Upsert("customer", "customer_ref", same("customer_ref", "name", "id_number", "birth_date", "gender",
                            "occupation", "employer", "region_code", "address"), true),
                    stager(CustomerRecord::read, (r, out) -> out.text(r.customerRef()).text(r.name()).text(r.idNumber())
                            .date(r.birthDate()).text(r.gender()).text(r.occupation()).text(r.employer()).text(r.regionCode())
                            .text(r.address())));
            case CONTACTS -> new StagedKind(kind, ContactRecord.LAYOUT,
                    "contact_ref text, customer_ref text, role text, name text, phone text, email text, address text, "
                            + "valid boolean, source text",
                    List.of("contact_ref"), ContactRecord.CONTACT_ID, "contact_id",
                    new Parent("customer", "customer_ref", "customer_ref", ContactRecord.CUSTOMER_ID, ReasonCode.UNKNOWN_CUSTOMER),
                    new Upsert("contact", "contact_ref", withParent("customer_id", "contact_ref", "role", "name", "phone",
                            "email", "address", "valid", "source"), true),
                    stager(ContactRecord::read, (r, out) -> out.text(r.contactRef()).text(r.customerRef()).text(r.role())
                            .text(r.name()).text(r.phone()).text(r.email()).text(r.address()).bool(r.valid()).text(r.source())));
            case ACCOUNTS -> new StagedKind(kind, AccountRecord.LAYOUT,
                    "account_ref text, customer_ref text, product text, currency text, principal bigint, annual_rate numeric, "
                            + "start_date date, maturity_date date",
                    List.of("account_ref"), AccountRecord.ACCOUNT_ID, "account_id",
                    new Parent("customer", "customer_ref", "customer_ref", AccountRecord.CUSTOMER_ID, ReasonCode.UNKNOWN_CUSTOMER),
                    new Upsert("account", "account_ref", withParent("customer_id", "account_ref", "product", "currency",
                            "principal", "annual_rate", "start_date", "maturity_date"), true),
                    stager(cells -> AccountRecord.read(cells, currencies), (r, out) -> out.text(r.accountRef())
                            .text(r.customerRef()).text(r.product()).text(r.currency()).number(r.principal())
                            .text(r.annualRate().toPlainString()).date(r.startDate()).date(r.maturityDate())));
            case INSTALMENTS -> new StagedKind(kind, InstalmentRecord.LAYOUT,
                    "account_ref text, seq integer, due_date date, principal_due bigint, interest_due bigint, fee_due bigint, "
                            + "penalty_due bigint",
                    List.of("account_ref", "seq"), InstalmentRecord.SEQ, "account_id and seq",
                    new Parent("account", "account_ref", "account_ref", InstalmentRecord.ACCOUNT_ID, ReasonCode.UNKNOWN_ACCOUNT),
                    new Upsert("instalment", "account_id, seq", withParent("account_id", "seq", "due_date", "principal_due",
                            "interest_due", "fee_due", "penalty_due"), false),
                    stager(InstalmentRecord::read, (r, out) -> out.text(r.accountRef()).number(r.seq()).date(r.dueDate())
                            .number(r.principalDue()).number(r.interestDue()).number(r.feeDue()).number(r.penaltyDue())));
            case PAYMENTS -> new StagedKind(kind, PaymentRecord.LAYOUT,
                    "payment_ref text, account_ref text, paid_on date, amount bigint, channel text",
                    List.of("payment_ref"), PaymentRecord.PAYMENT_ID, "payment_id",
                    new Parent("account", "account_ref", "account_ref", PaymentRecord.ACCOUNT_ID, ReasonCode.UNKNOWN_ACCOUNT),
                    new Upsert("payment", "payment_ref", withParent("account_id", "payment_ref", "paid_on", "amount", "channel"), true),
                    stager(PaymentRecord::read, (r, out) -> out.text(r.paymentRef()).text(r.accountRef()).date(r.paidOn())
                            .number(r.amount()).text(r.channel())));
            case COLLATERAL -> new StagedKind(kind, CollateralRecord.LAYOUT,
                    "collateral_ref text, account_ref text, type text, description text, appraised_value bigint, appraised_on date",
                    List.of("collateral_ref"), CollateralRecord.COLLATERAL_ID, "collateral_id",
                    new Parent("account", "account_ref", "account_ref", CollateralRecord.ACCOUNT_ID, ReasonCode.UNKNOWN_ACCOUNT),
                    new Upsert("collateral", "collateral_ref", withParent("account_id", "collateral_ref", "type", "description",
                            "appraised_value", "appraised_on"), true),
                    stager(CollateralRecord::read, (r, out) -> out.text(r.collateralRef()).text(r.accountRef()).text(r.type())
                            .text(r.description()).number(r.appraisedValue()).date(r.appraisedOn())));
        };
    }

    /** Target columns filled from the staging column of the same name. */
    private static List<String[]> same(String... columns) {
        return List.of(columns).stream().map(c -> new String[] {c, "s." + c}).toList();
    }

    /** The parent's internal id first, then columns filled from the staging column of the same name. */
    private static List<String[]> withParent(String parentIdColumn, String... columns) {
        var all = new ArrayList<String[]>();
        all.add(new String[] {parentIdColumn, "p.id"});
        all.addAll(same(columns));
        return List.copyOf(all);
    }

    private static <R> RowStager stager(Function<Cells, R> read, BiConsumer<R, CopyText> write) {
        return (cells, out) -> {
            R record = cells.ok() ? read.apply(cells) : null;
            if (record == null) {
                if (cells.ok()) {
                    throw new IllegalStateException("a rejected row must say why");
                }
                return false;
            }
            write.accept(record, out);
            return true;
        };
    }
}
