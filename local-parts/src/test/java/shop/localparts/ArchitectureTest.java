package shop.localparts;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package cycle in local-parts' main code, by the rule test-support's {@code PackageCycles} gives the other modules
 * (written out here: test-support depends on local-parts). {@code (**)}: every package below {@code shop.} is a slice.
 */
class ArchitectureTest {

    @Test
    void no_package_of_local_parts_depends_on_itself_through_another() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("shop.localparts");
        slices().matching("shop.(**)").namingSlices("$1").should().beFreeOfCycles().check(main);
    }
}
