package dev.recoup.contact.persistence;

import dev.recoup.shared.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Best time to contact (R11): connect and right-party-contact (RPC) rates of outbound calls by
 * region, local weekday and hour, learned from the ledger in one set-based statement and smoothed
 * with a Beta prior — each region's cell is pulled towards the all-regions rate of the same weekday
 * and hour, and that towards the overall rate, by {@code prior-weight} pseudo-calls — so a cell with
 * few calls says little and a busy cell speaks for itself. The call list orders slots by the RPC rate.
 */
@Service
public class BestTimes {

    public static final String ALL_REGIONS = "*";

    /** A region's weekday × hour rates: {@code rates[weekday - 1][hour]}. */
    public record Heatmap(String region, String metric, double[][] rates, long[][] calls, double max, Instant refreshedAt, long learnedFrom,
                          int lookbackDays, double priorWeight) {
    }

    private record Rates(Map<String, double[]> rpcByRegion, double fallback) {
    }

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final int lookbackDays;
    private final double priorWeight;
    private volatile Rates rates;

    BestTimes(JdbcClient jdbc, BusinessClock clock, @Value("${recoup.contact.best-time.lookback-days:90}") int lookbackDays,
              @Value("${recoup.contact.best-time.prior-weight:20}") double priorWeight) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lookbackDays = lookbackDays;
        this.priorWeight = priorWeight;
    }

    /** Relearns every cell from the calls of the last {@code lookback-days}; returns how many calls it learned from. */
    @Transactional
    public long refresh() {
        Instant until = clock.now();
        Instant from = until.minus(Duration.ofDays(lookbackDays));
        jdbc.sql("delete from contact_rate_cell").update();
        jdbc.sql("""
                with calls as (
                    select coalesce(left(cu.region_code, 2), '00') as region,
                           extract(isodow from a.at at time zone :zone)::int as weekday,
                           extract(hour from a.at at time zone :zone)::int as hour,
                           a.outcome in ('CONVERSATION_DEBTOR', 'CONVERSATION_THIRD_PARTY', 'WRONG_NUMBER', 'DROPPED') as connected,
                           a.outcome = 'CONVERSATION_DEBTOR' as right_party
                    from contact_attempt a join customer cu on cu.id = a.customer_id
                    where a.channel in ('AGENT_CALL', 'ROBOT_CALL') and a.direction = 'OUTBOUND' and a.outcome is not null
                      and a.voided_at is null and a.at >= :from and a.at < :until),
                cells as (
                    select grouping(region) = 1 as all_regions, region, weekday, hour, count(*) as n,
                           count(*) filter (where connected) as c, count(*) filter (where right_party) as r
                    from calls group by grouping sets ((region, weekday, hour), (weekday, hour))),
                overall as (
                    select coalesce(sum(n), 0) as n, coalesce(sum(c), 0) as c, coalesce(sum(r), 0) as r from cells where all_regions),
                star as (
                    select w as weekday, h as hour, coalesce(x.n, 0) as n, coalesce(x.c, 0) as c, coalesce(x.r, 0) as r,
                           (coalesce(x.c, 0) + :k * (o.c + 1.0) / (o.n + 2.0)) / (coalesce(x.n, 0) + :k) as connect_rate,
                           (coalesce(x.r, 0) + :k * (o.r + 1.0) / (o.n + 2.0)) / (coalesce(x.n, 0) + :k) as rpc_rate
                    from generate_series(1, 7) w cross join generate_series(0, 23) h cross join overall o
                    left join cells x on x.all_regions and x.weekday = w and x.hour = h)
                insert into contact_rate_cell (region, weekday, hour, attempts, connects, right_party, connect_rate, rpc_rate)
                select '*', weekday, hour, n, c, r, connect_rate, rpc_rate from star
                union all
                select x.region, x.weekday, x.hour, x.n, x.c, x.r, (x.c + :k * s.connect_rate) / (x.n + :k), (x.r + :k * s.rpc_rate) / (x.n + :k)
                from cells x join star s on s.weekday = x.weekday and s.hour = x.hour
                where not x.all_regions""")
                .param("zone", clock.zone().getId()).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .param("k", priorWeight).update();
        long calls = jdbc.sql("select coalesce(sum(attempts), 0) from contact_rate_cell where region = '*'").query(Long.class).single();
        jdbc.sql("insert into contact_rate_refresh (refreshed_at, from_at, until_at, calls, prior_weight) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(until), Timestamp.from(from), Timestamp.from(until), calls, priorWeight).update();
        rates = null;
        return calls;
    }

    @Scheduled(cron = "${recoup.contact.best-time.schedule:0 30 2 * * *}", zone = "${recoup.time-zone:Asia/Shanghai}")
    void nightly() {
        refresh();
    }

    /** The learned right-party-contact rate for a person of {@code province} at local time {@code local}. */
    public double rpcRate(String province, ZonedDateTime local) {
        Rates r = current();
        int cell = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
        double[] regional = r.rpcByRegion().get(province);
        if (regional != null && !Double.isNaN(regional[cell])) {
            return regional[cell];
        }
        double[] all = r.rpcByRegion().get(ALL_REGIONS);
        return all != null ? all[cell] : r.fallback();
    }

    /** Forgets the cached rates (they are re-read on next use). */
    public void forget() {
        rates = null;
    }

    public Heatmap heatmap(String region, boolean rightParty) {
        String r = region == null || region.isBlank() ? ALL_REGIONS : region.strip();
        double[][] values = new double[7][24];
        long[][] calls = new long[7][24];
        double[] max = {0};
        jdbc.sql("select weekday, hour, attempts, connect_rate, rpc_rate from contact_rate_cell where region = ?").param(r).query(rs -> {
            double v = rightParty ? rs.getDouble("rpc_rate") : rs.getDouble("connect_rate");
            values[rs.getInt("weekday") - 1][rs.getInt("hour")] = v;
            calls[rs.getInt("weekday") - 1][rs.getInt("hour")] = rs.getLong("attempts");
            max[0] = Math.max(max[0], v);
        });
        var last = jdbc.sql("select refreshed_at, calls from contact_rate_refresh order by id desc limit 1")
                .query((rs, n) -> new Object[]{rs.getTimestamp(1).toInstant(), rs.getLong(2)}).optional();
        return new Heatmap(r, rightParty ? "rpc" : "connect", values, calls, max[0], last.map(o -> (Instant) o[0]).orElse(null),
                last.map(o -> (Long) o[1]).orElse(0L), lookbackDays, priorWeight);
    }

    /** Regions that have learned cells, for choosing a heatmap. */
    public List<String> regions() {
        return jdbc.sql("select distinct region from contact_rate_cell where region <> '*' order by region").query(String.class).list();
    }

    private Rates current() {
        Rates r = rates;
        if (r == null) {
            Map<String, double[]> byRegion = new HashMap<>();
            jdbc.sql("select region, weekday, hour, rpc_rate from contact_rate_cell").query(rs -> {
                double[] cells = byRegion.computeIfAbsent(rs.getString(1), k -> {
                    double[] fresh = new double[7 * 24];
                    java.util.Arrays.fill(fresh, Double.NaN);
                    return fresh;
                });
                cells[(rs.getInt(2) - 1) * 24 + rs.getInt(3)] = rs.getDouble(4);
            });
            // Nothing learned yet: every slot scores the same, so slots are taken in time order.
            rates = r = new Rates(byRegion, 0.5);
        }
        return r;
    }
}
