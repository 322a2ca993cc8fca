package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.ChinaPack;
import dev.recoup.contact.domain.ConcPack;
import dev.recoup.contact.domain.ContactGate;
import dev.recoup.contact.domain.ContactRule;
import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.domain.HoldRule;
import dev.recoup.contact.domain.LocalWindow;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.domain.RegulationFPack;
import dev.recoup.contact.domain.RulePack;
import dev.recoup.contact.domain.RulePacks;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rule pack, with which parameters, decides for which accounts: one system-wide setting
 * ({@code *}) and optional overrides per product code (there is no portfolio column on accounts;
 * one lender per installation). No setting at all means the China pack with its defaults.
 *
 * <p>Packs are compiled into {@link ContactGate}s once and kept; a change through {@link #save} or
 * {@link #remove} recompiles at once in this instance, and every instance re-reads the settings when
 * their last change time moved (checked each minute).
 */
@Service
public class PackSettings {

    public static final String SYSTEM_WIDE = "*";
    public static final List<String> SCOPES = List.of(SYSTEM_WIDE, "consumer_loan", "credit_card", "sme_loan", "secured_loan");

    /** A scope's pack as compiled, with the parameters as stored (for reading back). */
    public record Setting(String scope, String pack, Map<String, Object> parameters, String updatedBy, java.time.Instant updatedAt) {
    }

    /** What decides for a scope: the compiled gate and where it came from. */
    record Compiled(String scope, ContactGate gate, Setting setting) {
    }

    private record Snapshot(Map<String, Compiled> byScope, Duration lookback, Set<HoldKind> stoppingKinds, java.time.Instant version) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final BusinessClock clock;
    private final Reservations reservations;
    private volatile Snapshot snapshot;

    PackSettings(JdbcClient jdbc, ObjectMapper json, BusinessClock clock, Reservations reservations) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.reservations = reservations;
    }

    /** The gate for accounts of {@code product} (null = no product known): its override, else the system-wide one. */
    ContactGate gateFor(String product) {
        return compiled(product).gate();
    }

    Compiled compiled(String product) {
        Map<String, Compiled> byScope = current().byScope();
        Compiled c = product == null ? null : byScope.get(product);
        return c != null ? c : byScope.get(SYSTEM_WIDE);
    }

    /** The gates that decide for accounts of these products, distinct, system-wide first when it applies. */
    List<ContactGate> gatesFor(Collection<String> products) {
        if (products.isEmpty()) {
            return List.of(gateFor(null));
        }
        List<ContactGate> gates = new ArrayList<>(1);
        for (String product : products) {
            ContactGate gate = gateFor(product);
            if (!gates.contains(gate)) {
                gates.add(gate);
            }
        }
        return gates;
    }

    /** The longest ledger lookback any configured pack needs (the gate loads this much history). */
    Duration lookback() {
        return current().lookback();
    }

    /**
     * Hold kinds that stop all contact under some configured pack (not the narrowing ones: a medium
     * opt-out, a workplace ban, an inconvenient place): what task creation skips.
     */
    public Set<HoldKind> stoppingKinds() {
        return current().stoppingKinds();
    }

    public List<Setting> settings() {
        return current().byScope().values().stream().map(Compiled::setting).toList();
    }

    /** The system-wide pack's id (the pack the ledger audit checks against). */
    public RulePack systemWidePack() {
        return gateFor(null).pack();
    }

    @Transactional
    public Setting save(String scope, String pack, JsonNode parameters, String by) {
        if (scope == null || !SCOPES.contains(scope)) {
            throw new InvalidInputException("scope", scope, "scope must be one of " + SCOPES);
        }
        if (pack == null || !RulePacks.ids().contains(pack)) {
            throw new InvalidInputException("pack", pack, "pack must be one of " + RulePacks.ids());
        }
        ObjectNode params = parameters == null || parameters.isNull() ? json.createObjectNode() : asObject(parameters);
        compile(pack, params); // validates: a pack looser than the law is refused here
        jdbc.sql("""
                insert into contact_pack_setting (scope, pack, parameters, updated_by, updated_at) values (?, ?, ?::jsonb, ?, ?)
                on conflict (scope) do update set pack = excluded.pack, parameters = excluded.parameters,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(scope, pack, json.writeValueAsString(params), by, java.sql.Timestamp.from(clock.now())).update();
        reservations.cancelAll("RULE_PACK_CHANGED");
        reload();
        return current().byScope().get(scope).setting();
    }

    @Transactional
    public void remove(String scope) {
        if (SYSTEM_WIDE.equals(scope)) {
            // The system-wide row can go too: then the China defaults apply again.
            jdbc.sql("delete from contact_pack_setting where scope = '*'").update();
        } else if (jdbc.sql("delete from contact_pack_setting where scope = ?").param(scope).update() == 0) {
            throw new dev.recoup.shared.NotFoundException("contact pack setting", scope);
        }
        reservations.cancelAll("RULE_PACK_CHANGED");
        reload();
    }

    /** Re-reads the settings when they changed since the last read (every minute; cheap). */
    @Scheduled(fixedDelayString = "${recoup.contact.settings-refresh:PT1M}", initialDelayString = "${recoup.contact.settings-refresh:PT1M}")
    void refreshIfChanged() {
        Snapshot s = snapshot;
        java.time.Instant latest = latestChange();
        if (s == null || !java.util.Objects.equals(latest, s.version())) {
            reload();
        }
    }

    /** Forgets the compiled packs; the next decision reads the settings again (tests that edit the table directly). */
    public void reload() {
        snapshot = load();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    snapshot = s = load();
                }
            }
        }
        return s;
    }

    private java.time.Instant latestChange() {
        return jdbc.sql("select max(updated_at) from contact_pack_setting").query(java.time.OffsetDateTime.class).optional()
                .map(java.time.OffsetDateTime::toInstant).orElse(null);
    }

    private Snapshot load() {
        Map<String, Compiled> byScope = new LinkedHashMap<>();
        java.time.Instant version = null;
        List<Map<String, Object>> rows = jdbc.sql("select scope, pack, parameters::text as parameters, updated_by, updated_at from contact_pack_setting order by scope")
                .query().listOfRows();
        for (Map<String, Object> row : rows) {
            String scope = (String) row.get("scope");
            String pack = (String) row.get("pack");
            ObjectNode params = asObject(json.readTree((String) row.get("parameters")));
            java.time.Instant at = ((java.sql.Timestamp) row.get("updated_at")).toInstant();
            version = version == null || at.isAfter(version) ? at : version;
            RulePack compiled;
            try {
                compiled = compile(pack, params);
            } catch (InvalidInputException e) {
                // A stored setting that no longer validates must not open contact: fall back to the pack's defaults.
                compiled = RulePacks.withDefaults(pack);
            }
            byScope.put(scope, new Compiled(scope, new ContactGate(compiled),
                    new Setting(scope, pack, json.convertValue(params, Map.class), (String) row.get("updated_by"), at)));
        }
        if (!byScope.containsKey(SYSTEM_WIDE)) {
            Map<String, Compiled> withDefault = new LinkedHashMap<>();
            withDefault.put(SYSTEM_WIDE, new Compiled(SYSTEM_WIDE, new ContactGate(RulePacks.withDefaults(RulePacks.DEFAULT)),
                    new Setting(SYSTEM_WIDE, RulePacks.DEFAULT, Map.of(), "default", null)));
            withDefault.putAll(byScope);
            byScope = withDefault;
        }
        Duration lookback = Duration.ZERO;
        Set<HoldKind> stopping = EnumSet.noneOf(HoldKind.class);
        for (Compiled c : byScope.values()) {
            Duration l = c.gate().pack().historyLookback();
            lookback = l.compareTo(lookback) > 0 ? l : lookback;
            for (ContactRule rule : c.gate().pack().rules()) {
                if (rule instanceof HoldRule hold && !NARROWING.contains(hold.kind())) {
                    stopping.add(hold.kind());
                }
            }
        }
        // A day more than the packs ask for: the daily caps count local days, and a day boundary in a
        // zone behind the lender's needs the entries of the day before.
        return new Snapshot(Map.copyOf(byScope), lookback.plusDays(1), Set.copyOf(stopping), version);
    }

    private static final Set<HoldKind> NARROWING = EnumSet.of(HoldKind.MEDIUM_OPT_OUT, HoldKind.WORKPLACE_BAN, HoldKind.INCONVENIENT_PLACE);

    private ObjectNode asObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new InvalidInputException("parameters", String.valueOf(node), "parameters must be a JSON object");
    }

    /** The pack {@code id} with the stored parameters over its defaults. Unknown names are refused (a typo must not silently keep a default). */
    static RulePack compile(String id, JsonNode p) {
        Params params = new Params(p);
        RulePack pack = switch (id) {
            case ChinaPack.ID -> ChinaPack.pack(china(params));
            case RegulationFPack.ID -> {
                RegulationFPack.Parameters d = RegulationFPack.Parameters.DEFAULTS;
                yield RegulationFPack.pack(new RegulationFPack.Parameters(
                        params.integer("maxCallsPerSevenDays", d.maxCallsPerSevenDays()),
                        params.window("convenientHours", d.convenientHours()),
                        d.defaultZones(),
                        params.integer("maxCallsPerDay", d.maxCallsPerDay()),
                        params.bool("holdOnComplaint", d.holdOnComplaint())));
            }
            case ConcPack.ID -> {
                ConcPack.Parameters d = ConcPack.Parameters.DEFAULTS;
                yield ConcPack.pack(new ConcPack.Parameters(
                        params.window("weekdayHours", d.weekdayHours()),
                        params.nullableWindow("weekendHours", d.weekendHours()),
                        params.channels("timedChannels", d.timedChannels()),
                        params.integer("callsPerDay", d.callsPerDay()),
                        params.integer("callsPerWeek", d.callsPerWeek())));
            }
            default -> throw new InvalidInputException("pack", id, "pack must be one of " + RulePacks.ids());
        };
        params.refuseUnknown();
        return pack;
    }

    /** The system-wide pack's parameters when it is the China pack (what the ledger audit checks), else null. */
    public ChinaPack.Parameters systemWideChinaParameters() {
        Setting s = compiled(null).setting();
        if (!ChinaPack.ID.equals(s.pack())) {
            return null;
        }
        try {
            return china(new Params(json.valueToTree(s.parameters())));
        } catch (InvalidInputException e) {
            return ChinaPack.Parameters.DEFAULTS;
        }
    }

    private static ChinaPack.Parameters china(Params params) {
        ChinaPack.Parameters d = ChinaPack.Parameters.DEFAULTS;
        return new ChinaPack.Parameters(
                params.window("quietHours", d.quietHours()),
                params.channels("quietChannels", d.quietChannels()),
                params.windows("restHours", d.restHours()),
                params.enumValue("workingDayPreference", ChinaPack.WorkingDayPreference.class, d.workingDayPreference()),
                params.window("workingDayHours", d.workingDayHours()),
                params.integer("callsPerContactPerDay", d.callsPerContactPerDay()),
                params.integer("unansweredCallsPerNumberPerDay", d.unansweredCallsPerNumberPerDay()),
                params.purposes("thirdPartyPurposes", d.thirdPartyPurposes()),
                params.bool("spouseOnDebtorSide", d.spouseOnDebtorSide()),
                params.integer("minimumVisitStaff", d.minimumVisitStaff()));
    }

    /** Reads parameters by name, remembering which were read so unknown names can be refused. */
    private static final class Params {
        private final JsonNode node;
        private final Set<String> read = new java.util.HashSet<>();

        Params(JsonNode node) {
            this.node = node;
        }

        private JsonNode get(String name) {
            read.add(name);
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        int integer(String name, int fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber()) {
                throw new InvalidInputException("parameters." + name, v.toString(), name + " must be a whole number");
            }
            return v.intValue();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new InvalidInputException("parameters." + name, v.toString(), name + " must be true or false");
            }
            return v.booleanValue();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, v.asString());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("parameters." + name, v.toString(), name + " must be one of " + List.of(type.getEnumConstants()));
            }
        }

        LocalWindow window(String name, LocalWindow fallback) {
            JsonNode v = get(name);
            return v == null ? fallback : parseWindow(name, v);
        }

        LocalWindow nullableWindow(String name, LocalWindow fallback) {
            read.add(name);
            if (!node.has(name)) {
                return fallback;
            }
            JsonNode v = node.get(name);
            return v.isNull() ? null : parseWindow(name, v);
        }

        List<LocalWindow> windows(String name, List<LocalWindow> fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isArray()) {
                throw new InvalidInputException("parameters." + name, v.toString(), name + " must be a list of windows like \"12:00-13:30\"");
            }
            List<LocalWindow> out = new ArrayList<>();
            for (JsonNode w : v) {
                out.add(parseWindow(name, w));
            }
            return out;
        }

        Set<Channel> channels(String name, Set<Channel> fallback) {
            return enums(name, Channel.class, fallback);
        }

        Set<Purpose> purposes(String name, Set<Purpose> fallback) {
            return enums(name, Purpose.class, fallback);
        }

        private <E extends Enum<E>> Set<E> enums(String name, Class<E> type, Set<E> fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isArray()) {
                throw new InvalidInputException("parameters." + name, v.toString(), name + " must be a list of " + List.of(type.getEnumConstants()));
            }
            Set<E> out = EnumSet.noneOf(type);
            for (JsonNode e : v) {
                try {
                    out.add(Enum.valueOf(type, e.asString()));
                } catch (IllegalArgumentException ex) {
                    throw new InvalidInputException("parameters." + name, e.toString(), name + " must be a list of " + List.of(type.getEnumConstants()));
                }
            }
            return out;
        }

        private static LocalWindow parseWindow(String name, JsonNode v) {
            String text = v.asString();
            String[] parts = text.split("[-–]");
            try {
                if (parts.length == 2) {
                    return new LocalWindow(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
                }
            } catch (DateTimeParseException e) {
                // fall through to the explanation below
            } catch (InvalidInputException e) {
                throw new InvalidInputException("parameters." + name, text, e.getMessage());
            }
            throw new InvalidInputException("parameters." + name, text, name + " must be a window like \"22:00-08:00\"");
        }

        void refuseUnknown() {
            for (var it = node.propertyNames().iterator(); it.hasNext(); ) {
                String name = it.next();
                if (!read.contains(name)) {
                    throw new InvalidInputException("parameters." + name, node.get(name).toString(), "no such parameter of this pack; known: " + read);
                }
            }
        }
    }
}
