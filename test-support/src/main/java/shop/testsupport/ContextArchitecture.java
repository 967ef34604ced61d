package shop.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, one rule set for every context: a plain-Java domain, use cases that know ports and not
 * AWS, adapters that do not reach the handlers, no package cycle, and no code of another context or of the test helpers. Each service's
 * {@code ArchitectureTest} extends this with its root package.
 */
public abstract class ContextArchitecture {

    /** The root package of every bounded context. */
    public static final List<String> CONTEXTS = List.of("shop.order", "shop.inventory", "shop.packaging",
            "shop.notification", "shop.crm");

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String root;
    private final JavaClasses classes;

    /** The context's production classes under {@code rootPackage} (tests are not held to these rules). */
    protected ContextArchitecture(String rootPackage) {
        this(rootPackage, IMPORTED.computeIfAbsent(rootPackage, p -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(p)));
    }

    ContextArchitecture(String rootPackage, JavaClasses classes) {
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes found under " + rootPackage + ": nothing would be checked");
        }
        this.root = rootPackage;
        this.classes = classes;
    }

    @Test
    void the_domain_uses_no_aws_no_json_no_logging_no_platform_and_no_other_layer() {
        noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.fasterxml..",
                        "org.slf4j..", "shop.platform..", root + ".application..", root + ".adapter..", root + ".handler..")
                .check(classes);
    }

    /** The outbox and the bus are platform mechanisms behind the context's own ports: no platform wire types in use cases. */
    @Test
    void use_cases_know_ports_not_adapters_handlers_aws_json_or_platform_wire_types() {
        noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.fasterxml..",
                        root + ".adapter..", root + ".handler..", "shop.platform.events..", "shop.platform.outbox..")
                .check(classes);
    }

    /** A cycle (e.g. the table adapter and the bus adapter importing each other) means neither can change alone. */
    @Test
    void no_package_of_the_main_code_depends_on_itself_through_another() {
        PackageCycles.rule().check(classes);
    }

    @Test
    void adapters_do_not_reach_into_the_handlers() {
        noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".handler..")
                .check(classes);
    }

    @Test
    void no_code_of_another_context_and_no_test_helper_is_used() {
        String[] forbidden = CONTEXTS.stream().filter(context -> !context.equals(root)).map(context -> context + "..")
                .toList().toArray(new String[0]);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .orShould().dependOnClassesThat().resideInAnyPackage("shop.localparts..", "shop.testsupport..")
                .check(classes);
    }
}
