package shop.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layers honest: a pure domain, an application that knows only ports, no other context's code. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("shop.crm");

    @Test
    void the_domain_uses_no_aws_no_json_and_no_other_layer() {
        noClasses().that().resideInAPackage("shop.crm.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "com.fasterxml..", "shop.platform..", "shop.crm.application..",
                        "shop.crm.adapter..", "shop.crm.handler..")
                .check(CLASSES);
    }

    @Test
    void the_application_layer_depends_on_ports_not_on_adapters_or_aws() {
        noClasses().that().resideInAPackage("shop.crm.application..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.fasterxml..",
                        "shop.crm.adapter..", "shop.crm.handler..")
                .check(CLASSES);
    }

    @Test
    void adapters_do_not_reach_into_handlers() {
        noClasses().that().resideInAPackage("shop.crm.adapter..")
                .should().dependOnClassesThat().resideInAPackage("shop.crm.handler..")
                .check(CLASSES);
    }

    @Test
    void no_code_of_another_context_is_used() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("shop.order..", "shop.inventory..",
                        "shop.packaging..", "shop.notification..", "shop.localparts..")
                .check(CLASSES);
    }
}
