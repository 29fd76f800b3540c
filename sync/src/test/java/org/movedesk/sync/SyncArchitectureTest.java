package org.movedesk.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md section 1: sync talks HTTP and queues; no pixels, and the sandbox is a test peer only. */
@AnalyzeClasses(packages = "org.movedesk.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class SyncArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule sandboxIsATestPeerOnly = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.movedesk.sandbox..");

    /** Module arrows: sync calls core's services; core's repositories (and so its tables) stay core's own. */
    @ArchTest
    static final ArchRule coreThroughServicesOnly = noClasses().should().dependOnClassesThat()
            .areAssignableTo(org.springframework.data.repository.Repository.class)
            .because("sync may call core services, not core repositories");

    @ArchTest
    static final ArchRule noUiModule = noClasses().should().dependOnClassesThat().resideInAPackage("org.movedesk.ui..");
}
