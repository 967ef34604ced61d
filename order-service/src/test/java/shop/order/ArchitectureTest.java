package shop.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layers of STYLE.md: a pure domain, use cases free of AWS, and no other context's code. */
@AnalyzeClasses(packages = "shop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_on_no_aws_json_or_other_layer = noClasses().that().resideInAPackage("shop.order.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.fasterxml..",
                    "shop.platform..", "shop.order.application..", "shop.order.adapter..", "shop.order.handler..");

    @ArchTest
    static final ArchRule use_cases_know_no_aws_sdk_and_no_adapter = noClasses().that().resideInAPackage("shop.order.application..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "com.amazonaws..",
                    "com.fasterxml..", "shop.order.adapter..", "shop.order.handler..");

    /** The outbox and the bus are platform mechanisms behind the application's own ports (Orders, OrderEvents). */
    @ArchTest
    static final ArchRule use_cases_see_no_platform_wire_types = noClasses().that().resideInAPackage("shop.order.application..")
            .should().dependOnClassesThat().resideInAnyPackage("shop.platform.events..", "shop.platform.outbox..");

    @ArchTest
    static final ArchRule adapters_do_not_reach_into_handlers = noClasses().that().resideInAPackage("shop.order.adapter..")
            .should().dependOnClassesThat().resideInAPackage("shop.order.handler..");

    @ArchTest
    static final ArchRule no_other_context_is_imported = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("shop.inventory..", "shop.packaging..", "shop.notification..", "shop.crm..");
}
