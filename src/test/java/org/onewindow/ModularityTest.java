package org.onewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/** The modules keep to their boundaries: no module reaches into another one's internals. */
class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules modules = ApplicationModules.of(OneWindowApplication.class);
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "catalog", "shared");
        modules.verify();
    }

    @Test
    void theCheckCatchesAModuleReachingIntoAnothersInternals() {
        // A deliberately broken pair of modules: "intruder" uses a class inside "owner.internal".
        assertThatThrownBy(() -> ApplicationModules.of("org.onewindow.modularityfixture", testClassesToo -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("owner.internal");
    }
}
