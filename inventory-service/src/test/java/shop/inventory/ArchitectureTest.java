package shop.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "shop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_is_plain_java = noClasses().that().resideInAPackage("..inventory.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "org.slf4j..", "shop.platform..", "..inventory.application..",
                    "..inventory.adapter..", "..inventory.handler..");

    @ArchTest
    static final ArchRule use_cases_know_ports_not_adapters = noClasses().that().resideInAPackage("..inventory.application..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "..inventory.adapter..", "..inventory.handler..");

    /** The outbox and the bus are platform mechanisms behind the application's own ports (Reservations, InventoryEvents). */
    @ArchTest
    static final ArchRule use_cases_see_no_platform_wire_types = noClasses().that().resideInAPackage("..inventory.application..")
            .should().dependOnClassesThat().resideInAnyPackage("shop.platform.events..", "shop.platform.outbox..");

    @ArchTest
    static final ArchRule adapters_do_not_reach_the_handlers = noClasses().that().resideInAPackage("..inventory.adapter..")
            .should().dependOnClassesThat().resideInAPackage("..inventory.handler..");

    @ArchTest
    static final ArchRule no_other_context_is_imported = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("shop.order..", "shop.packaging..", "shop.notification..", "shop.crm..");
}
