package dev.recoup.portfolio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The import rules can be read and tested without Spring, a database or HTTP. */
class PortfolioDomainIsPlainJavaTest {

    private static final JavaClasses PORTFOLIO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.recoup.portfolio");

    @Test
    void theDomainUsesNoSpringNoSqlAndNoWeb() {
        noClasses().that().resideInAPackage("dev.recoup.portfolio.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..", "org.postgresql..", "tools.jackson..", "com.fasterxml.jackson..",
                        "de.siegmar.fastcsv..", "org.dhatim..")
                .check(PORTFOLIO);
    }

    @Test
    void theDomainDependsOnNothingElseOfTheModule() {
        noClasses().that().resideInAPackage("dev.recoup.portfolio.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.recoup.portfolio.imports..", "dev.recoup.portfolio.api..")
                .check(PORTFOLIO);
    }
}
