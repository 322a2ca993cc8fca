package dev.recoup.portfolio.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * Settings of portfolio imports.
 *
 * @param currencies the currencies an account may be in (ISO 4217 codes); only CNY until the
 *                   rest of Recoup handles several currencies
 */
@ConfigurationProperties("recoup.portfolio")
public record ImportProperties(@DefaultValue("CNY") List<String> currencies) {

    public ImportProperties {
        currencies = currencies.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).toList();
    }
}
