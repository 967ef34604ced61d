package shop.reliability;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scenarios drive the system as its users would, so they reach local-cloud only through what it shows other
 * modules: start and stop it, its view (endpoints, tables, emails, invoke, faults), the template as read; never the
 * emulated services behind it. Their packages (one today) stay free of cycles.
 */
class LayersTest {

    /** The scenarios (this module has test code only) and local-cloud's classes, to tell its face from the rest. */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("shop.reliability", "shop.localcloud");

    /** What of local-cloud the scenarios may use. */
    private static final Set<String> LOCAL_CLOUD_FACE = Set.of("shop.localcloud.LocalCloud", "shop.localcloud.CloudView",
            "shop.localcloud.Options", "shop.localcloud.common.Faults", "shop.localcloud.common.Quotas", "shop.localcloud.cloudformation.Model",
            "shop.localcloud.lambda.InvocationResult");

    private static final DescribedPredicate<JavaClass> FACE = describe("local-cloud's face to other modules",
            c -> LOCAL_CLOUD_FACE.contains(c.getName().replaceFirst("\\$.*", "")));
    private static final DescribedPredicate<JavaClass> INSIDE = describe("the rest of local-cloud",
            c -> c.getPackageName().startsWith("shop.localcloud") && !FACE.test(c));

    @Test
    void scenarios_use_only_local_clouds_face() {
        assertFalse(CLASSES.stream().noneMatch(c -> c.getPackageName().startsWith("shop.reliability")), "the scenarios were found");
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Scenarios").definedBy("shop.reliability..")
                .layer("local-cloud's face").definedBy(FACE)
                .layer("local-cloud inside").definedBy(INSIDE)
                .whereLayer("Scenarios").mayOnlyAccessLayers("local-cloud's face")
                .check(CLASSES);
    }

    /** Each package is its own slice, the root included. */
    @Test
    void no_package_cycle() {
        slices().matching("shop.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
