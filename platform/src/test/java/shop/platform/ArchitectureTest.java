package shop.platform;

import org.junit.jupiter.api.Test;
import shop.testsupport.PackageCycles;

/** The platform's packages (aws, events, outbox, ...) depend one way: none reaches back through another. */
class ArchitectureTest {

    @Test
    void no_package_of_the_platform_depends_on_itself_through_another() {
        PackageCycles.check("shop.platform");
    }
}
