package shop.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The README's "Each consumer has the same shape", held for one context: its EventBridge target is
 * {@code handler/BusEventHandler}, the one holder of the {@code SUBSCRIPTION}; one translator per producing context,
 * {@code handler/<Order|Inventory|Package>EventTranslator}, reads that producer's events into the context's own
 * commands through platform's {@code EventFields}; each use case the target calls returns the context's
 * {@code <Context>Outcome}; the target answers an {@code ObjectNode}; the outbox relay is platform's, never a
 * context's own; where the context produces, the event a change owes is its {@code application/OwedEvent}; and where
 * its events wait in a queue, {@code handler/QueueEventHandler} is only the SQS envelope that hands each body to the
 * target. Each consumer's {@code ConsumerShapeTest} extends this with its root package and context name.
 */
public abstract class ConsumerShape {

    static final String TARGET = "BusEventHandler";
    static final String ENVELOPE = "QueueEventHandler";
    static final String EVENT_FIELDS = "shop.platform.events.EventFields";
    static final List<String> TRANSLATORS = List.of("OrderEventTranslator", "InventoryEventTranslator", "PackageEventTranslator");
    static final String EVENT_CONSUMER = "shop.platform.events.EventConsumer";
    static final String INCOMING_EVENT = "shop.platform.events.IncomingEvent";
    static final String SUBSCRIPTION = "shop.platform.events.Subscription";
    static final String OUTBOX_RELAY = "shop.platform.outbox.OutboxRelay";
    static final String OBJECT_NODE = "com.fasterxml.jackson.databind.node.ObjectNode";
    static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String handler;
    private final String application;
    private final String outcome;
    private final JavaClasses classes;

    /** {@code contextName} as the context's outcome type begins: {@code Order} for {@code OrderOutcome}. */
    protected ConsumerShape(String rootPackage, String contextName) {
        this(rootPackage, contextName, IMPORTED.computeIfAbsent(rootPackage, p -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(p)));
    }

    ConsumerShape(String rootPackage, String contextName, JavaClasses classes) {
        this.handler = rootPackage + ".handler";
        this.application = rootPackage + ".application";
        this.outcome = application + "." + contextName + "Outcome";
        if (classes.stream().noneMatch(c -> c.getPackageName().equals(handler))) {
            throw new IllegalStateException("no classes found in " + handler + ": nothing would be checked");
        }
        this.classes = classes;
    }

    @Test
    void the_eventbridge_target_is_handler_BusEventHandler_and_there_is_one() {
        classes().that(consumeEvents()).should().haveFullyQualifiedName(handler + "." + TARGET)
                .because("every context's EventBridge target has one fixed name, whatever it consumes")
                .check(classes);
        classes().that().haveFullyQualifiedName(handler + "." + TARGET).should().implement(STREAM_HANDLER)
                .andShould().dependOnClassesThat().haveFullyQualifiedName(EVENT_CONSUMER)
                .because("the target is a Lambda stream handler run by platform's EventConsumer")
                .check(classes);
        assertEquals(1, classes.stream().filter(c -> c.getFullName().equals(handler + "." + TARGET)).count(),
                handler + "." + TARGET + " is the context's EventBridge target");
    }

    @Test
    void the_subscription_is_declared_once_as_BusEventHandler_SUBSCRIPTION() {
        fields().that().haveRawType(SUBSCRIPTION).should().beDeclaredIn(handler + "." + TARGET)
                .andShould().haveName("SUBSCRIPTION").andShould().beStatic().andShould().beFinal()
                .because("what a consumer accepts is read in one place, on its target")
                .check(classes);
        List<String> builders = classes.stream().filter(c -> !c.getName().equals(handler + "." + TARGET))
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().getName().equals(SUBSCRIPTION)
                        && List.of("to", "and").contains(call.getName()))
                .map(call -> call.getDescription()).toList();
        assertEquals(List.of(), builders, "only the target builds the subscription, from its translators' SOURCE and detail-types");
    }

    @Test
    void events_are_read_by_one_translator_per_producer_named_after_the_producer() {
        classes().that(readEvents()).and().doNotHaveFullyQualifiedName(handler + "." + TARGET)
                .should().resideInAPackage(handler).andShould(nameOneOf(TRANSLATORS))
                .andShould().notBePublic().andShould().haveModifier(JavaModifier.FINAL)
                .because("the producing context names its translator: Order, Inventory or Package EventTranslator")
                .check(classes);
        List<String> violations = new ArrayList<>();
        for (JavaClass translator : translators()) {
            if (translator.getFields().stream().noneMatch(f -> f.getName().equals("SOURCE") && isStaticFinal(f))) {
                violations.add(translator.getName() + " declares no static final SOURCE");
            }
            for (JavaMethod method : translator.getMethods()) {
                boolean readsAnEvent = method.getRawParameterTypes().stream().anyMatch(t -> t.getName().equals(INCOMING_EVENT));
                if (readsAnEvent && !method.getRawReturnType().getPackageName().equals(application)) {
                    violations.add(method.getFullName() + " returns " + method.getRawReturnType().getName()
                            + ", not a command of " + application);
                }
            }
        }
        assertEquals(List.of(), violations, "a translator reads its producer's events into the context's own commands");
    }

    @Test
    void translators_read_fields_through_platform_EventFields_not_json() {
        noClasses().that().haveSimpleNameEndingWith("EventTranslator")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .because("the strict field reading (blank, integral, non-empty, ISO instant) is platform's EventFields, once")
                .check(classes);
    }

    @Test
    void BusEventHandler_answers_an_ObjectNode_from_use_cases_that_return_the_context_outcome() {
        JavaClass target = classes.get(handler + "." + TARGET);
        List<String> violations = new ArrayList<>();
        boolean answers = target.getMethods().stream().anyMatch(m -> m.getName().equals("handle")
                && m.getRawParameterTypes().size() == 1 && m.getRawParameterTypes().get(0).getName().equals(INCOMING_EVENT)
                && m.getRawReturnType().getName().equals(OBJECT_NODE));
        if (!answers) {
            violations.add(target.getName() + " has no handle(IncomingEvent) answering an ObjectNode");
        }
        for (JavaField field : target.getFields()) {
            JavaClass useCase = field.getRawType();
            if (!useCase.getPackageName().equals(application)) {
                continue;
            }
            List<JavaMethod> handles = useCase.getMethods().stream().filter(m -> m.getName().equals("handle")).toList();
            if (handles.isEmpty()) {
                violations.add(useCase.getName() + " has no handle method");
            }
            handles.stream().filter(m -> !m.getRawReturnType().getName().equals(outcome))
                    .forEach(m -> violations.add(m.getFullName() + " returns " + m.getRawReturnType().getName() + ", not " + outcome));
        }
        assertEquals(List.of(), violations, "the consumer's outcome and answer have one type each");
    }

    @Test
    void the_outbox_relay_is_platform_handler_not_one_of_the_context() {
        noClasses().that().implement(STREAM_HANDLER)
                .should().dependOnClassesThat().haveFullyQualifiedName(OUTBOX_RELAY)
                .because("template.yaml runs shop.platform.outbox.OutboxRelayHandler for every producer's table")
                .check(classes);
    }

    /**
     * A context whose events wait in a queue (notification: SES's send rate) has one envelope around the target,
     * {@code handler/QueueEventHandler}: a stream handler holding the BusEventHandler, to which it hands each message's
     * body. It reads no event and calls no use case itself, so BusEventHandler stays the context's one dispatch.
     */
    @Test
    void a_queue_envelope_is_handler_QueueEventHandler_and_hands_every_body_to_BusEventHandler() {
        String target = handler + "." + TARGET;
        String envelope = handler + "." + ENVELOPE;
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            boolean wraps = c.getFields().stream().anyMatch(f -> f.getRawType().getName().equals(target));
            if (wraps && !c.getName().equals(envelope)) {
                violations.add(c.getName() + " holds the " + TARGET + " but is not " + envelope);
            }
            if (!c.getName().equals(envelope)) {
                continue;
            }
            if (!wraps) {
                violations.add(envelope + " holds no " + TARGET + " to hand each body to");
            }
            if (!c.isAssignableTo(STREAM_HANDLER)) {
                violations.add(envelope + " is not a " + STREAM_HANDLER);
            }
            c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass())
                    .filter(t -> List.of(EVENT_CONSUMER, INCOMING_EVENT, SUBSCRIPTION, EVENT_FIELDS).contains(t.getName())
                            || t.getPackageName().equals(handler) && TRANSLATORS.contains(t.getSimpleName()))
                    .map(t -> envelope + " reads events itself, through " + t.getName()).distinct().forEach(violations::add);
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().getPackageName().equals(application) && call.getName().equals("handle"))
                    .map(call -> envelope + " calls the use case " + call.getTargetOwner().getName() + " itself")
                    .distinct().forEach(violations::add);
        }
        assertEquals(List.of(), violations, "the queue handler is only the SQS envelope; " + TARGET + " is the one dispatch");
    }

    /** A producing context's port publishes {@code application/OwedEvent}: one name for the event a change owes. */
    @Test
    void the_event_a_change_owes_is_application_OwedEvent() {
        List<String> violations = classes.stream()
                .filter(c -> c.isInterface() && c.getPackageName().equals(application))
                .flatMap(port -> port.getMethods().stream().filter(m -> m.getName().equals("publish")))
                .filter(m -> m.getRawParameterTypes().size() != 1
                        || !m.getRawParameterTypes().get(0).getName().equals(application + ".OwedEvent"))
                .map(m -> m.getFullName() + " publishes something other than " + application + ".OwedEvent").toList();
        assertEquals(List.of(), violations, "the event a change owes has one name in every producing context");
    }

    private List<JavaClass> translators() {
        return classes.stream().filter(c -> c.getPackageName().equals(handler) && TRANSLATORS.contains(c.getSimpleName())).toList();
    }

    private static boolean isStaticFinal(JavaField field) {
        return field.getModifiers().contains(JavaModifier.STATIC) && field.getModifiers().contains(JavaModifier.FINAL);
    }

    private static DescribedPredicate<JavaClass> consumeEvents() {
        return DescribedPredicate.describe("are run by EventConsumer", c -> c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getName().equals(EVENT_CONSUMER)));
    }

    private static DescribedPredicate<JavaClass> readEvents() {
        return DescribedPredicate.describe("read an IncomingEvent", c -> !c.getName().contains("$")
                && c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getName().equals(INCOMING_EVENT)));
    }

    private static ArchCondition<JavaClass> nameOneOf(List<String> names) {
        return ArchCondition.from(DescribedPredicate.describe("be named one of " + names,
                (JavaClass c) -> names.contains(c.getSimpleName())));
    }
}
