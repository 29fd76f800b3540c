package org.movedesk.ui;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md section 1: client-ui holds pixels only - no SQL, no HTTP, no rules. */
@AnalyzeClasses(packages = "org.movedesk.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule no_sql = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "jakarta.persistence..", "org.springframework.jdbc..",
                    "org.springframework.data.jpa..")
            .because("the UI reads through core's read models and writes through core's services");

    @ArchTest
    static final ArchRule no_http = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("okhttp3..", "java.net.http..", "software.amazon.awssdk..")
            .because("HTTP and queues belong to sync");

    @ArchTest
    static final ArchRule no_repositories = noClasses().should().dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("repositories are core internals; the UI uses services and queries");
}
