package dev.recoup;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses RECOUP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.recoup");

    @Test
    void modulesTalkOnlyThroughTheirPublicApiAndHaveNoCycles() {
        ApplicationModules.of(RecoupApplication.class).verify();
    }

    @Test
    void domainPackagesArePlainJavaWithoutSpringJdbcOrWeb() {
        // package-info only carries module metadata (Modulith annotations), not code.
        noClasses().that().resideInAPackage("dev.recoup..domain..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "org.postgresql..", "jakarta.servlet..",
                        "tools.jackson..", "com.fasterxml.jackson..", "de.siegmar.fastcsv..", "org.dhatim..",
                        "dev.recoup..api..", "dev.recoup..web..", "dev.recoup..persistence..", "dev.recoup..imports..")
                .because("domain rules must be readable and testable on their own (DESIGN.md)")
                .check(RECOUP);
    }
}
