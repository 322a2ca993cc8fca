package dev.recoup.strategy;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, a system without an active strategy gets the default one, so the strategies page
 * shows it at once; the active version is compiled now rather than in the first daily run.
 */
@Component
@Order(0)
class DefaultStrategyInstaller implements ApplicationRunner {

    private final StrategyCatalogue catalogue;

    DefaultStrategyInstaller(StrategyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalogue.compiled(catalogue.ensureActive());
    }
}
