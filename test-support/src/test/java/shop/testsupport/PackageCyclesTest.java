package shop.testsupport;

import org.junit.jupiter.api.Test;

/** test-support's own main code, held to the rule it gives every module. */
class PackageCyclesTest {

    @Test
    void no_package_of_test_supports_main_code_depends_on_itself_through_another() {
        PackageCycles.check("shop.testsupport");
    }
}
