package shop.benchmarks;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' layers: the harness on top; below it the probes, which run inside the measured functions' JVMs or
 * class loaders and so use nothing of the harness; and local-cloud, which the harness reaches only through what it
 * shows other modules (start and stop, its view, a measured function), never into the emulated services.
 */
class LayersTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("shop.benchmarks", "shop.localcloud");

    /** What of local-cloud the harness may use: start and stop it, read its view and the template, measure one function. */
    private static final Set<String> LOCAL_CLOUD_FACE = Set.of("shop.localcloud.LocalCloud", "shop.localcloud.CloudView",
            "shop.localcloud.Options", "shop.localcloud.common.Flow", "shop.localcloud.cloudformation.Model",
            "shop.localcloud.lambda.MeasuredFunction", "shop.localcloud.lambda.SdkEndpoints");

    private static final DescribedPredicate<JavaClass> FACE = describe("local-cloud's face to other modules",
            c -> LOCAL_CLOUD_FACE.contains(c.getName().replaceFirst("\\$.*", "")));
    private static final DescribedPredicate<JavaClass> INSIDE = describe("the rest of local-cloud",
            c -> c.getPackageName().startsWith("shop.localcloud") && !FACE.test(c));

    @Test
    void the_harness_uses_the_probes_and_local_clouds_face_and_the_probes_use_neither() {
        assertFalse(CLASSES.isEmpty(), "the benchmarks' classes were found");
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Harness").definedBy("shop.benchmarks")
                .layer("Probes").definedBy("shop.benchmarks.hello..", "shop.benchmarks.probe..", "shop.benchmarks.startup..",
                        "shop.benchmarks.hotsku..")
                .layer("local-cloud's face").definedBy(FACE)
                .layer("local-cloud inside").definedBy(INSIDE)
                .whereLayer("Harness").mayOnlyAccessLayers("Probes", "local-cloud's face")
                .whereLayer("Probes").mayNotAccessAnyLayer()
                .check(CLASSES);
    }

    /** Each package is its own slice, the root included. */
    @Test
    void no_package_cycle() {
        slices().matching("shop.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
