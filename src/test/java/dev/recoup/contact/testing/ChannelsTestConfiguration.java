package dev.recoup.contact.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The gate and ledger the channel tests control (primary over the real ones once those exist), and the crash probe. */
@TestConfiguration(proxyBeanMethods = false)
public class ChannelsTestConfiguration {

    @Bean
    @Primary
    ControllableGate controllableGate() {
        return new ControllableGate();
    }

    @Bean
    @Primary
    InMemoryLedger inMemoryLedger() {
        return new InMemoryLedger();
    }

    @Bean
    CrashingProbe crashingProbe() {
        return new CrashingProbe();
    }
}
