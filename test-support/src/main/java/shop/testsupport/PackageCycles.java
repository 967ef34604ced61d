package shop.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package of a module's main code may depend, through any chain, on a package that depends back on it. Each package
 * is its own slice: {@code (**)} captures the whole package below {@code shop.}, so {@code order.adapter.dynamodb} and
 * {@code order.adapter.eventbridge} are two slices (a {@code (*)} would fold both into {@code order} and miss their cycle).
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** The rule, over classes under {@code shop.}: every package a slice of its own. */
    public static ArchRule rule() {
        return slices().matching("shop.(**)").namingSlices("$1").should().beFreeOfCycles();
    }

    /** The main classes under {@code rootPackage}, without the tests (which may reach across packages as they like). */
    public static JavaClasses mainClasses(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no main classes found under " + rootPackage + ": nothing would be checked");
        }
        return classes;
    }

    /** Fails, naming each cycle, if the main code under {@code rootPackage} has a package cycle. */
    public static void check(String rootPackage) {
        rule().check(mainClasses(rootPackage));
    }
}
