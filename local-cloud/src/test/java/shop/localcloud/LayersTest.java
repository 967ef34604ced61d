package shop.localcloud;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * local-cloud's packages in layers, each using only the ones below it (README, "Layout"): the shared basics at the
 * bottom, the template's model above them, the emulated services above that, the console, the wiring that starts it
 * all, and on top the shop's demo and the command line. The generic emulator knows nothing of the shop.
 */
class LayersTest {

    /** Top to bottom: a layer may use any layer after it in this list, and none before it. */
    static final List<String[]> LAYERS = List.of(
            new String[] {"Command line", "shop.localcloud.cli.."},
            new String[] {"Shop demo", "shop.localcloud.shop.."},
            new String[] {"Wiring", "shop.localcloud"},
            new String[] {"Console", "shop.localcloud.console.."},
            new String[] {"Entry points", "shop.localcloud.apigateway..", "shop.localcloud.eventbridge..", "shop.localcloud.edge.."},
            new String[] {"Runtimes", "shop.localcloud.lambda..", "shop.localcloud.sqs.."},
            new String[] {"Template", "shop.localcloud.cloudformation.."},
            new String[] {"Basics", "shop.localcloud.common.."});

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("shop.localcloud");

    /** The layers above as an ArchUnit rule: no arrow from a layer to one above it. */
    static LayeredArchitecture downwardOnly(List<String[]> layers) {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : layers) {
            rule = rule.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            rule = rule.whereLayer(layers.get(i)[0]).mayOnlyAccessLayers(layers.subList(i + 1, layers.size()).stream()
                    .map(layer -> layer[0]).toArray(String[]::new));
        }
        return rule.whereLayer(layers.get(layers.size() - 1)[0]).mayNotAccessAnyLayer();
    }

    @Test
    void every_package_is_in_a_layer() {
        assertFalse(MAIN.isEmpty(), "local-cloud's classes were found");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should().resideInAnyPackage(LAYERS.stream().flatMap(layer -> Arrays.stream(layer, 1, layer.length))
                        .toArray(String[]::new))
                .check(MAIN);
    }

    @Test
    void each_layer_uses_only_the_layers_below_it() {
        downwardOnly(LAYERS).check(MAIN);
    }

    /** Each package is its own slice (the root too): a cycle between two emulated services is caught, not only between layers. */
    @Test
    void no_package_cycle() {
        slices().matching("shop.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
