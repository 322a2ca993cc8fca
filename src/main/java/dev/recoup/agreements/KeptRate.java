package dev.recoup.agreements;

/**
 * Promise-to-pay performance of an agent or a team over promises due in a period: made, how they
 * were judged, amounts promised and paid. {@code keptRate} = kept ÷ judged (kept + partly kept +
 * broken), null when none is judged yet; partly kept promises are not kept.
 *
 * @param key  agent ref or team code ("-" for promises without an agent or team)
 * @param team the agent's team code (for agents), or null
 */
public record KeptRate(String key, String name, String team, long made, long open, long kept, long partlyKept, long broken, long cancelled,
                       long promisedMinor, long paidMinor, Double keptRate) {
}
