package dev.recoup.contact.testing;

import dev.recoup.support.RecoupIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with an SMPP and an SMTP gateway configured on this machine's loopback, the
 * test gate and ledger, and the crash probe. Every channel test extends it, so they share one
 * application context; the servers themselves are started by each test class.
 */
@RecoupIntegrationTest
@Import(ChannelsTestConfiguration.class)
public abstract class ChannelsTestBase {

    public static final int SMPP_PORT = TestSmsc.freePort();
    public static final int SMTP_PORT = TestSmsc.freePort();

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("recoup.channels.smpp.host", () -> "127.0.0.1");
        registry.add("recoup.channels.smpp.port", () -> SMPP_PORT);
        registry.add("recoup.channels.smpp.system-id", () -> "recoup");
        registry.add("recoup.channels.smpp.password", () -> "secret");
        registry.add("recoup.channels.smpp.source-address", () -> "10690001");
        registry.add("recoup.channels.smpp.response-timeout", () -> "PT3S");
        registry.add("recoup.channels.smpp.bind-timeout", () -> "PT3S");
        registry.add("recoup.channels.smtp.host", () -> "127.0.0.1");
        registry.add("recoup.channels.smtp.port", () -> SMTP_PORT);
        registry.add("recoup.channels.smtp.from", () -> "service@recoup.example");
        registry.add("recoup.channels.smtp.bounce-address", () -> "bounces@recoup.example");
        registry.add("recoup.channels.smtp.timeout", () -> "PT5S");
    }
}
