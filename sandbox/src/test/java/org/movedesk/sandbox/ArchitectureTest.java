package org.movedesk.sandbox;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The sandbox plays the other side: it never uses MoveDesk's own modules, JavaFX or the client's HTTP stack. */
@AnalyzeClasses(packages = "org.movedesk.sandbox", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule noMoveDeskModules = noClasses().that().resideInAPackage("org.movedesk.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("org.movedesk.core..", "org.movedesk.sync..",
                    "org.movedesk.client..", "org.movedesk.clientui..", "org.movedesk.ui..")
            .as("the sandbox must not use core, sync or client-ui");

    @ArchTest
    static final ArchRule noJavaFxOrClientHttp = noClasses().that().resideInAPackage("org.movedesk.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "org.springframework..")
            .as("the sandbox stays light: JDK HTTP server, Jackson and SLF4J only");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheServer = noClasses().that()
            .resideInAnyPackage("org.movedesk.sandbox.moves..", "org.movedesk.sandbox.people..",
                    "org.movedesk.sandbox.locations..", "org.movedesk.sandbox.restrictedpatients..")
            .should().dependOnClassesThat().resideInAPackage("org.movedesk.sandbox.server..")
            .as("feature packages answer requests; only the server package routes them");
}
