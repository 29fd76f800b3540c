package org.movedesk.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md section 1 and 3: pixels only here; no SQL, no HTTP, no Nodes in view models. */
class ArchitectureTest {

    /** The module's own compiled classes only (scanning the whole classpath is slow and adds nothing). */
    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"));

    @Test
    void noSqlAndNoHttpInTheDesk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "okhttp3..",
                "java.net.http..", "org.springframework.jdbc..", "jakarta.persistence..")
                .because("the desk calls core's services; core owns the store and sync owns HTTP")
                .check(ui);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .because("view models are plain Java, unit-tested without a toolkit")
                .check(ui);
    }

    @Test
    void viewModelsDoNotKnowTheirViews() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("View")
                        .and(JavaClass.Predicates.resideInAPackage("org.movedesk.ui..")))
                .because("a view binds to its view model, never the other way round")
                .check(ui);
    }
}
