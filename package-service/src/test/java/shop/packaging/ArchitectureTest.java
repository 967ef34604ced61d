package shop.packaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "shop.packaging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_is_plain_java = noClasses().that().resideInAPackage("..packaging.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "org.slf4j..", "shop.platform..", "..packaging.application..",
                    "..packaging.adapter..", "..packaging.handler..");

    @ArchTest
    static final ArchRule use_cases_know_ports_not_adapters = noClasses().that().resideInAPackage("..packaging.application..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "..packaging.adapter..", "..packaging.handler..");

    @ArchTest
    static final ArchRule adapters_do_not_reach_the_handlers = noClasses().that().resideInAPackage("..packaging.adapter..")
            .should().dependOnClassesThat().resideInAPackage("..packaging.handler..");

    @ArchTest
    static final ArchRule no_other_context_is_imported = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("shop.order..", "shop.inventory..", "shop.notification..", "shop.crm..");
}
