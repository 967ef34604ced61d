package shop.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.CustomResourceSpec;
import shop.localcloud.cloudformation.Template;
import shop.localcloud.common.Flow;
import shop.localcloud.common.UserError;
import shop.localcloud.lambda.InvocationResult;
import shop.localcloud.lambda.LocalFunction;

/**
 * Creates the template's {@code Custom::*} resources as CloudFormation does on deploy: the ServiceToken function
 * gets a Create event and answers on the ResponseURL. This is how the price list and the stock are seeded.
 */
final class CustomResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    /** Called by the bus endpoint when a function PUTs its answer to a ResponseURL. */
    void answer(String requestId, JsonNode response) {
        answers.computeIfAbsent(requestId, id -> new CompletableFuture<>()).complete(response);
    }

    /** Creates every custom resource (in parallel); fails like a stack would, with the resource's reason. */
    void createAll(List<CustomResourceSpec> resources, Map<String, LocalFunction> functions, Function<String, String> responseUrl, Flow flow) {
        List<Runnable> checks = new ArrayList<>();
        for (CustomResourceSpec resource : resources) {
            LocalFunction function = functions.get(resource.functionId());
            if (function == null) {
                throw new UserError("template.yaml: custom resource " + resource.logicalId() + " has ServiceToken "
                        + resource.functionId() + ", which is not a function of the template");
            }
            String requestId = UUID.randomUUID().toString();
            CompletableFuture<JsonNode> answer = answers.computeIfAbsent(requestId, id -> new CompletableFuture<>());
            long start = System.nanoTime();
            CompletableFuture<InvocationResult> invocation = function.invoke(event(resource, requestId, responseUrl.apply(requestId)));
            checks.add(() -> check(resource, function, invocation, answer, start, flow));
        }
        checks.forEach(Runnable::run);
    }

    private static void check(CustomResourceSpec resource, LocalFunction function, CompletableFuture<InvocationResult> invocation,
                              CompletableFuture<JsonNode> answer, long start, Flow flow) {
        String what = resource.logicalId() + " (" + resource.type() + ") by " + function.id();
        InvocationResult result;
        JsonNode response;
        try {
            result = invocation.get(function.spec().timeoutSeconds() + 120L, TimeUnit.SECONDS);
            response = result.ok() ? answer.get(10, TimeUnit.SECONDS) : null;
        } catch (Exception e) {
            throw new UserError("custom resource " + what + " did not answer on its ResponseURL: " + e);
        }
        if (!result.ok()) {
            throw new UserError("custom resource " + what + " failed: " + result.summary() + " (see its log under the data folder)");
        }
        if (!"SUCCESS".equals(response.path("Status").asText())) {
            throw new UserError("custom resource " + what + " answered " + response.path("Status").asText() + ": "
                    + response.path("Reason").asText());
        }
        flow.line("CREATE", what + ": " + Flow.clip(response.path("Data").toString(), 100) + " ("
                + (System.nanoTime() - start) / 1_000_000 + " ms)");
    }

    private static byte[] event(CustomResourceSpec resource, String requestId, String responseUrl) {
        ObjectNode event = JSON.createObjectNode();
        event.put("RequestType", "Create");
        event.put("ServiceToken", String.valueOf(resource.properties().get("ServiceToken")));
        event.put("ResponseURL", responseUrl);
        event.put("StackId", "arn:aws:cloudformation:" + Model.REGION + ":" + Model.ACCOUNT + ":stack/" + Template.STACK_NAME + "/local");
        event.put("RequestId", requestId);
        event.put("LogicalResourceId", resource.logicalId());
        event.put("ResourceType", resource.type());
        event.set("ResourceProperties", JSON.valueToTree(resource.properties()));
        return event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
