package shop.localcloud.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localcloud.apigateway.HttpApi;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.JwtAuthorizerSpec;
import shop.localcloud.cloudformation.Model.RouteThrottle;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.UserError;
import shop.localparts.LambdaLayer;
import shop.localparts.ProjectRoot;

/** The project's own template.yaml, read the way local-cloud runs it. */
class TemplateTest {

    private static final SystemSpec SPEC = Template.load(ProjectRoot.find().resolve("template.yaml"), Map.of(), "http://sqs.local");

    @Test
    void the_order_api_routes_and_its_resolved_environment_come_from_the_template() {
        FunctionSpec api = SPEC.function("OrderApiFunction");

        // the HttpApi's DefaultAuthorizer, its issuer and audience resolved as local-cloud runs them
        JwtAuthorizerSpec customerJwt = new JwtAuthorizerSpec("CustomerJwt", "https://cognito-idp.eu-west-1.amazonaws.com/ShopUserPool",
                List.of("ShopUserPoolClient"));
        // and the stage's DefaultRouteSettings, which API Gateway applies to each route on its own
        RouteThrottle stage = new RouteThrottle(50, 100);
        assertTrue(SPEC.routes().contains(new HttpRoute("POST", "/orders", "OrderApiFunction", customerJwt, stage)), SPEC.routes().toString());
        assertTrue(SPEC.routes().contains(new HttpRoute("POST", "/orders/{orderId}/cancel", "OrderApiFunction", customerJwt, stage)));
        assertEquals("shop.order.handler.OrderApiHandler::handleRequest", api.handler());
        assertTrue(api.artifact().endsWith("order-service/target/order-service.jar"), api.artifact().toString());
        assertTrue(api.environment().containsValue("OrdersTable"), api.environment().toString());
        assertTrue(api.environment().values().stream().noneMatch(v -> v.contains("Ref") || v.contains("${")),
                "every intrinsic is resolved: " + api.environment());
    }

    @Test
    void every_function_runs_with_the_layer_the_template_gives_it_unpacked_as_lambda_does() throws Exception {
        for (FunctionSpec function : SPEC.functions()) {
            assertEquals(1, function.layers().size(), function.logicalId());
            assertTrue(function.layers().get(0).endsWith("function-layer/target/function-layer.zip"), function.layers().toString());
        }
        java.nio.file.Path libraries = LambdaLayer.libraries(SPEC.function("InventoryFunction").layers().get(0));
        assertTrue(libraries.endsWith("java/lib"), libraries.toString());
        try (var jars = java.nio.file.Files.list(libraries)) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().endsWith(".jar")), "the layer's jars are unpacked");
        }
        assertEquals(libraries, LambdaLayer.libraries(SPEC.function("CrmFunction").layers().get(0)), "unpacked once, then reused");
    }

    @Test
    void a_layer_from_outside_the_template_is_a_clear_error(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fn.jar
                      Handler: a.B::handleRequest
                      Layers:
                        - arn:aws:lambda:eu-west-1:123456789012:layer:elsewhere:3
                """);
        UserError error = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> Template.load(file, Map.of(), "http://sqs.local"));
        assertTrue(error.getMessage().contains("not a layer version of the template"), error.getMessage());
    }

    @Test
    void every_consumer_rule_has_retries_and_a_dead_letter_queue_that_is_also_where_its_consumer_fails_to() {
        List<String> consumers = List.of("InventoryFunction", "PackageFunction", "NotificationFunction", "CrmFunction");

        for (String consumer : consumers) {
            // the rule invokes the consumer, or fills a queue the consumer reads
            List<String> reads = SPEC.queueSources().stream().filter(s -> s.functionId().equals(consumer)).map(s -> s.queueId()).toList();
            RuleSpec rule = SPEC.rules().stream().filter(r -> consumer.equals(r.functionId()) || reads.contains(r.queueId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no rule reaches " + consumer));
            assertTrue(rule.patternJson().contains("shop.orders"), rule.patternJson());
            assertTrue(rule.maximumRetryAttempts() > 0, rule.toString());
            String failsTo = rule.targetsQueue() ? SPEC.queue(rule.queueId()).deadLetterQueue() : SPEC.function(consumer).async().onFailureQueue();
            assertEquals(rule.deadLetterQueue(), failsTo, consumer + ": its on-failure destination, or its queue's redrive target");
            assertTrue(SPEC.queue(rule.deadLetterQueue()) != null, rule.deadLetterQueue());
        }
    }

    @Test
    void the_seeds_are_custom_resources_run_by_their_service_token_functions() {
        assertTrue(SPEC.customResources().stream().anyMatch(c -> c.functionId().equals("PriceListSeedFunction")), SPEC.customResources().toString());
        assertTrue(SPEC.customResources().stream().anyMatch(c -> c.functionId().equals("StockSeedFunction")));
    }

    @Test
    void the_most_specific_route_wins_and_path_parameters_are_decoded() {
        List<HttpRoute> routes = List.of(new HttpRoute("GET", "/orders/{orderId}", "A"), new HttpRoute("ANY", "/{proxy+}", "B"),
                new HttpRoute("GET", "/orders/summary", "C"));

        assertEquals("A", HttpApi.match(routes, "GET", "/orders/o%201").orElseThrow().route().functionId());
        assertEquals("o 1", HttpApi.match(routes, "GET", "/orders/o%201").orElseThrow().pathParameters().get("orderId"));
        assertEquals("C", HttpApi.match(routes, "GET", "/orders/summary").orElseThrow().route().functionId());
        assertEquals("B", HttpApi.match(routes, "DELETE", "/orders/x").orElseThrow().route().functionId());
        assertTrue(HttpApi.match(routes.subList(0, 1), "POST", "/orders/x").isEmpty());
    }
}
