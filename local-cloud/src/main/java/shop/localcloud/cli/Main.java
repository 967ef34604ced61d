package shop.localcloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localcloud.apigateway.LocalIssuer;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.JwtAuthorizerSpec;
import shop.localcloud.cloudformation.Template;
import shop.localcloud.common.Flow;
import shop.localcloud.common.UserError;
import shop.localcloud.console.FlowGraph;
import shop.localcloud.eventbridge.Replays;
import shop.localcloud.lambda.InvocationResult;
import shop.localcloud.shop.Demo;
import shop.localparts.ProjectRoot;

/**
 * {@code local-cloud up | invoke <Function> -e <event.json> | replay --from <time> --to <time> | demo}: the whole
 * system of template.yaml on one machine. Problems the user can fix are one line on stderr, exit code 2.
 */
public final class Main {

    static final String USAGE = """
            usage: local-cloud <command> [options]
              up                              run everything template.yaml describes until Ctrl-C
              invoke <FunctionId> -e <file>   run one function once with an event file ('-' = stdin), print its output;
                                              with --running: in the running `up` (its tables and bus), through its Lambda API
              replay --from <t> --to <t>      send archived events of a time range again (to a running `up`)
              demo                            place orders, cancel one, check every context's state; exit 1 on a mismatch
              diagram                         print the event flow template.yaml describes, as Mermaid (the README embeds it)
              token <customer> [--expires 1h] print a JWT the template's authorizer accepts for that customer (sub)
            options: --port <3000> --edge-port <4566> --template <template.yaml> --data <local-cloud/data> --retry-scale <0.05>
                     --schedule-scale <1.0> --concurrency <2> --sqs-port <free> --events-port <free>
                     --parameter Name=Value --function-logs (copy function logs to the console)
            faults:  --fault-put-events <rate> (PutEvents calls answer HTTP 500), --fault-put-events-entry <rate>
                     (entries fail inside a 200), --fault-delivery <rate> (a delivery attempt fails); rate 0..1;
                     --fault-delivery-delay <ms> (each delivery held back 0..ms at random: no guaranteed order);
                     --fault-put-events-source <source,...> (the PutEvents faults hit only these producers)
            quotas:  AWS's limits, scaled down, each off unless given (0 = no limit): --account-concurrency <n> (Lambda
                     executions across all functions), --put-events-tps <n>, --ses-rate <emails/s> --ses-daily <n>,
                     --item-write-units <n> (write units/s one DynamoDB item takes), --api-throttle (the template's
                     stage throttle); a function's own cap is its ReservedConcurrentExecutions and --concurrency
            times: ISO-8601 (2026-01-31T10:00:00Z), 'now', or relative like -15m, -2h, -1d""";

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // ElasticMQ logs through SLF4J; local-cloud prints its own flow
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (UserError e) {
            System.err.println("local-cloud: " + e.getMessage());
            code = 2;
        } catch (RuntimeException e) {
            // not a known problem: still one line, the stack trace only when asked for
            System.err.println("local-cloud: failed: " + e + (System.getenv("LOCAL_CLOUD_DEBUG") == null
                    ? " (set LOCAL_CLOUD_DEBUG=1 for the stack trace)" : ""));
            if (System.getenv("LOCAL_CLOUD_DEBUG") != null) {
                e.printStackTrace();
            }
            code = 1;
        }
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Arguments arguments = Arguments.parse(args);
        return switch (args[0]) {
            case "up" -> up(arguments, out);
            case "invoke" -> invoke(arguments, out, err);
            case "replay" -> replay(arguments, out);
            case "demo" -> Demo.run(arguments.options(findRoot(), true), out);
            case "token" -> token(arguments, out);
            case "diagram" -> {
                Options options = arguments.options(findRoot(), false);
                out.print(FlowGraph.of(Template.load(options.template(), options.parameters(), "http://127.0.0.1")).mermaid());
                yield 0;
            }
            default -> throw new UserError("unknown command " + args[0] + "; use up, invoke, replay, demo, token or diagram (--help for more)");
        };
    }

    private static int up(Arguments arguments, PrintStream out) {
        Options options = arguments.options(findRoot(), false);
        Flow flow = new Flow(out);
        out.println("local-cloud: starting (DynamoDB, SES, SQS, " + "functions, seeds)...");
        LocalCloud cloud = LocalCloud.start(options, flow);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("local-cloud: stopping");
            cloud.close();
            stopped.countDown();
        }));
        cloud.describe(out);
        out.println("local-cloud: ready. Ctrl-C stops it. What happens, one line each:");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int invoke(Arguments arguments, PrintStream out, PrintStream err) {
        if (arguments.positional().size() < 2) {
            throw new UserError("invoke needs a function: local-cloud invoke <FunctionLogicalId> -e <event file>");
        }
        String functionId = arguments.positional().get(1);
        String eventFile = arguments.value("e", arguments.value("event", null));
        byte[] event = readEvent(eventFile);
        Path root = findRoot();
        Options options = arguments.options(root, false).withFunctionLogsOnConsole();
        Template.load(options.template(), options.parameters(), "http://127.0.0.1").function(functionId); // fails fast on a typo
        if (arguments.values().containsKey("running")) {
            return invokeRunning(runningState(options).path("edge").asText(), functionId, event, out, err);
        }
        try (LocalCloud cloud = LocalCloud.startParts(options.withDataDir(options.dataDir().resolve("invoke")), new Flow(err))) {
            CloudView view = cloud.view();
            InvocationResult result = view.invoke(functionId, event)
                    .get(view.spec().function(functionId).timeoutSeconds() + 120L, TimeUnit.SECONDS);
            err.println("local-cloud: " + functionId + " " + result.summary() + " in " + result.durationMillis() + " ms");
            if (result.ok()) {
                out.println(result.payloadText());
                return 0;
            }
            out.println(result.payload() != null ? result.payloadText()
                    : "{\"errorType\":\"" + result.errorType() + "\",\"errorMessage\":\"" + result.errorMessage().replace("\"", "'") + "\"}");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new UserError(functionId + " did not answer: " + e.getMessage());
        }
    }

    /**
     * Invokes {@code functionId} in a running {@code up}, as {@code aws lambda invoke --endpoint-url} would: what it
     * changes and publishes happens in that system (the warehouse shipping an order placed there, for example).
     */
    private static int invokeRunning(String edge, String functionId, byte[] event, PrintStream out, PrintStream err) {
        // the edge endpoint routes by the SigV4 credential scope and, like every local endpoint, checks no signature
        String scope = "AWS4-HMAC-SHA256 Credential=local/" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "")
                + "/" + Model.REGION + "/lambda/aws4_request, SignedHeaders=host, Signature=local";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(edge + "/2015-03-31/functions/" + functionId + "/invocations"))
                    .header("Authorization", scope).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(), HttpResponse.BodyHandlers.ofString());
            String functionError = response.headers().firstValue("X-Amz-Function-Error").orElse("");
            err.println("local-cloud: " + functionId + " in the running local-cloud (" + edge + "): HTTP " + response.statusCode()
                    + (functionError.isEmpty() ? "" : ", function error " + functionError));
            out.println(response.body());
            return response.statusCode() == 200 && functionError.isEmpty() ? 0 : 1;
        } catch (IOException e) {
            throw new UserError("the running local-cloud did not answer at " + edge + " (" + e.getMessage() + "); is `./local-cloud/run up` still running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** What a running {@code up} wrote about itself (endpoints, pid), or a clear error when none runs with these --data. */
    private static JsonNode runningState(Options options) {
        Path stateFile = options.dataDir().resolve("local-cloud.json");
        try {
            return new ObjectMapper().readTree(Files.readString(stateFile));
        } catch (IOException e) {
            throw new UserError("local-cloud is not running (no " + stateFile + "); start ./local-cloud/run up in another terminal first");
        }
    }

    /** Prints a token signed by the key a running (or later) {@code up} with the same --data checks. */
    private static int token(Arguments arguments, PrintStream out) {
        if (arguments.positional().size() < 2 || arguments.positional().get(1).isBlank()) {
            throw new UserError("token needs a customer id: local-cloud token alice");
        }
        Options options = arguments.options(findRoot(), false);
        String expires = arguments.value("expires", "1h");
        if (!expires.matches("\\d+[smhd]")) {
            throw new UserError("--expires takes a duration like 30m, 1h or 2d, not " + expires);
        }
        Instant until = Arguments.time("-" + expires, "--expires");
        Duration lifetime = Duration.between(until, Instant.now());
        JwtAuthorizerSpec authorizer = Template.load(options.template(), options.parameters(), "http://127.0.0.1").routes().stream()
                .map(HttpRoute::authorizer).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new UserError("no route of " + options.template() + " has a JWT authorizer; no token is needed"));
        out.println(LocalIssuer.in(options.dataDir()).mint(authorizer, arguments.positional().get(1), lifetime));
        return 0;
    }

    private static byte[] readEvent(String file) {
        if (file == null) {
            throw new UserError("invoke needs an event: -e <file> (e.g. events/inventory-service/order-placed.json), or -e - for stdin");
        }
        try {
            return file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UserError("cannot read the event file " + file + ": " + e.getMessage());
        }
    }

    private static int replay(Arguments arguments, PrintStream out) {
        Options options = arguments.options(findRoot(), false);
        Instant from = Arguments.time(arguments.value("from", null), "--from");
        Instant to = Arguments.time(arguments.value("to", "now"), "--to");
        String name = arguments.value("name", "local-replay-" + Instant.now().getEpochSecond());
        JsonNode state = runningState(options);
        out.println(Replays.start(state.path("eventBridge").asText(), name, from, to));
        return 0;
    }

    private static Path findRoot() {
        try {
            return ProjectRoot.find();
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
    }
}
