package org.movedesk.sync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md section 1: sync talks HTTP and queues, and goes through core's services for every change. */
@AnalyzeClasses(packages = "org.movedesk.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule no_javafx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("pixels belong to client-ui");

    @ArchTest
    static final ArchRule no_ui_or_sandbox = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.movedesk.ui..", "org.movedesk.sandbox..")
            .because("sync must not know the UI, and the sandbox is only a test peer");

    /**
     * The two event bookkeeping stores own their tables (V20/V21: dead letters and consumed event
     * ids, which no rule of core touches) and their wiring; everything else goes through core's services.
     */
    @ArchTest
    static final ArchRule no_sql = noClasses()
            .that().doNotHaveFullyQualifiedName("org.movedesk.sync.events.DeadLetterStore")
            .and().doNotHaveFullyQualifiedName("org.movedesk.sync.events.ConsumedEventLedger")
            .and().doNotHaveFullyQualifiedName("org.movedesk.sync.events.EventsConfiguration") // wires those two
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "jakarta.persistence..", "org.springframework.jdbc..")
            .because("every local change goes through a core service, so rules and history are shared");
}
