package dev.recoup.strategy.web;

import java.math.BigDecimal;

/** Formatting for the strategies page ({@code ${fmt.yuan(x)}}); public so the template can call it. */
public final class PageFormats {

    /** Fen as yuan with thousands separators. */
    public String yuan(long minor) {
        return String.format("%,.2f", BigDecimal.valueOf(minor, 2));
    }

    public String percent(Double rate) {
        return rate == null || rate.isNaN() ? "–" : String.format("%.2f%%", rate * 100);
    }

    public String signedPercent(Double rate) {
        return rate == null || rate.isNaN() ? "–" : String.format("%+.2f%%", rate * 100);
    }
}
