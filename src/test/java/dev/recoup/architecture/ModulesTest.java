package dev.recoup.architecture;

import dev.recoup.RecoupApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk through their public API only (Spring Modulith's rules: no cycles, no internal types used across modules). */
class ModulesTest {

    @Test
    void modulesRespectEachOthersBoundaries() {
        ApplicationModules.of(RecoupApplication.class).verify();
    }
}
