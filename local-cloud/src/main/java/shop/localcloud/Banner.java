package shop.localcloud;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.Quotas;
import shop.localcloud.console.Console;

/** What `up` prints once started: what runs where, and how to look at it. */
record Banner(Options options, CloudView view, List<String> edgeServices, String sampleQueueUrl) {

    void print(PrintStream out) {
        SystemSpec spec = view.spec();
        out.println("local-cloud: " + view.functionCount() + " functions, " + spec.tables().size() + " tables, " + spec.rules().size()
                + " rules, " + spec.queues().size() + " queues from " + options.template());
        if (view.servesEntrances()) {
            String edge = view.edgeEndpoint();
            out.println("  AWS APIs      " + edge + "   one endpoint for " + String.join(", ", edgeServices) + "; for the AWS CLI and SDKs:");
            out.println("                export AWS_ENDPOINT_URL=" + edge + " AWS_REGION=" + Model.REGION
                    + " AWS_DEFAULT_REGION=" + Model.REGION + " AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");
            out.println("  console       " + edge + Console.PATH + "/   (open it in a browser: the flow, live events, an order's journey, DLQs, replay)");
            out.println("  HTTP API      " + view.httpUrl() + "   as a customer: -H \"Authorization: Bearer $(./local-cloud/run token alice)\"");
            out.println("                (-H 'X-Local-Customer: alice' is a local shortcut that BYPASSES the authorizer)");
            spec.routes().forEach(r -> out.println("                " + String.format("%-28s", r.routeKey()) + " -> " + r.functionId()
                    + (r.authorizer() == null ? "" : "   (JWT authorizer " + r.authorizer().name() + ")")));
        }
        out.println("  EventBridge   " + view.eventsEndpoint() + "   buses " + view.busNames());
        out.println("  SQS           " + view.sqsEndpoint() + "   aws sqs receive-message --endpoint-url " + view.sqsEndpoint()
                + " --queue-url " + sampleQueueUrl);
        out.println("  DynamoDB      " + view.dynamoDbEndpoint() + "   aws dynamodb scan --endpoint-url " + view.dynamoDbEndpoint()
                + " --table-name <table>");
        out.println("                (dynalite with transactions and TTL added; TTL deletes within a second, AWS within days)");
        out.println("  SES (emails)  " + view.sdkEndpoints().sesV2() + "   (open it in a browser to read the emails sent)");
        out.println("  archive       " + options.dataDir().resolve("archive.jsonl") + "   function logs "
                + options.dataDir().resolve("logs"));
        out.println("  retries       Lambda async retries after " + Math.round(60_000 * options.retryScale()) + " and "
                + Math.round(120_000 * options.retryScale()) + " ms (--retry-scale " + options.retryScale() + " of AWS's 1 and 2 min)");
        if (options.quotas().any()) {
            out.println("  QUOTAS        AWS's, scaled down: " + quotas(options.quotas()) + "   (THROTTLE lines; the console's Throttles)");
        }
        if (options.faults().any()) {
            out.println("  FAULTS        injected: " + options.faults());
        }
        if (!spec.ignored().isEmpty()) {
            out.println("  not run here  " + String.join(", ", spec.ignored()));
        }
    }

    /** The quotas enforced, as their flags say them. */
    static String quotas(Quotas quotas) {
        List<String> on = new ArrayList<>();
        if (quotas.putEventsPerSecond() > 0) {
            on.add("PutEvents " + number(quotas.putEventsPerSecond()) + "/s");
        }
        if (quotas.sesSendsPerSecond() > 0) {
            on.add("SES " + number(quotas.sesSendsPerSecond()) + " emails/s");
        }
        if (quotas.sesSendsPerDay() > 0) {
            on.add("SES " + quotas.sesSendsPerDay() + " emails/day");
        }
        if (quotas.itemWriteUnitsPerSecond() > 0) {
            on.add("DynamoDB " + number(quotas.itemWriteUnitsPerSecond()) + " write units/s per item");
        }
        if (quotas.accountConcurrency() > 0) {
            on.add("Lambda " + quotas.accountConcurrency() + " concurrent executions");
        }
        if (quotas.apiStageThrottle()) {
            on.add("the HTTP API stage throttle");
        }
        return String.join(", ", on);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
