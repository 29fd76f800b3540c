package org.movedesk.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md section 1: core holds the rules and nothing that talks to screens, HTTP or queues. */
@AnalyzeClasses(packages = "org.movedesk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule no_javafx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("pixels belong to client-ui");

    @ArchTest
    static final ArchRule no_http_or_queues = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("okhttp3..", "software.amazon.awssdk..", "java.net.http..")
            .because("HTTP and queues belong to sync");

    @ArchTest
    static final ArchRule no_other_modules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.movedesk.sync..", "org.movedesk.ui..", "org.movedesk.sandbox..")
            .because("core is at the bottom of the module graph");

    @ArchTest
    static final ArchRule packaged_by_feature = noClasses().should()
            .resideInAnyPackage("..core.service..", "..core.services..", "..core.repository..",
                    "..core.repositories..", "..core.entity..", "..core.entities..", "..core.controller..")
            .because("packages are by feature (moves, people, ...), not by layer");
}
