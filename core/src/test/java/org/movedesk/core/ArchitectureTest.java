package org.movedesk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md section 1: core holds the rules only. */
@AnalyzeClasses(packages = "org.movedesk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noUiHttpOrAws = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "okhttp3..", "software.amazon.awssdk..", "org.movedesk.sync..",
                    "org.movedesk.client..", "org.movedesk.sandbox..");

    @ArchTest
    static final ArchRule readModelsDoNotUseTheEntityManager = noClasses()
            .that().haveSimpleNameEndingWith("Queries")
            .should().dependOnClassesThat().haveSimpleName("EntityManager");
}
