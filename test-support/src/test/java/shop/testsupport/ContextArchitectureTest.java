package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ContextArchitectureTest {

    private final ContextArchitecture fixture = new ContextArchitecture("shop.testsupport.fixture",
            new ClassFileImporter().importPackages("shop.testsupport.fixture")) {
    };

    @Test
    void a_domain_type_that_uses_a_json_library_breaks_the_domain_rule() {
        AssertionError broken = assertThrows(AssertionError.class, fixture::the_domain_uses_no_aws_no_json_no_logging_no_platform_and_no_other_layer);

        assertTrue(broken.getMessage().contains("LeakyOrder") && broken.getMessage().contains("com.fasterxml"), broken.getMessage());
    }

    @Test
    void a_use_case_that_knows_only_the_domain_keeps_the_application_rule() {
        fixture.use_cases_know_ports_not_adapters_handlers_aws_json_or_platform_wire_types();
    }

    @Test
    void two_adapter_packages_that_import_each_other_break_the_cycle_rule() {
        AssertionError broken = assertThrows(AssertionError.class, fixture::no_package_of_the_main_code_depends_on_itself_through_another);

        assertTrue(broken.getMessage().contains("testsupport.fixture.adapter.table")
                && broken.getMessage().contains("testsupport.fixture.adapter.bus"), broken.getMessage());
    }

    @Test
    void packages_that_depend_one_way_keep_the_cycle_rule() {
        PackageCycles.rule().check(new ClassFileImporter().importPackages("shop.testsupport.fixture.domain",
                "shop.testsupport.fixture.application", "shop.testsupport.fixture.adapter.table"));
    }

    @Test
    void a_package_without_classes_is_refused_rather_than_checked_as_empty() {
        assertThrows(IllegalStateException.class, () -> new ContextArchitecture("shop.nothing.here") {
        });
    }
}
