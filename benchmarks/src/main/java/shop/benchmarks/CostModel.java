package shop.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a million orders cost in AWS, from measured durations and calls and the template's memory on arm64. The prices
 * are AWS list prices for us-east-1 as the author knows them (dated below), not fetched: check the pricing pages.
 */
final class CostModel {

    static final String PRICES_AS_OF = "list prices for us-east-1 as known in 2025 (not fetched; check aws.amazon.com/pricing)";
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
    static final double HTTP_API_PER_REQUEST = 1.00 / 1e6;
    static final double EVENTBRIDGE_PER_EVENT = 1.00 / 1e6;
    static final double EVENTBRIDGE_ARCHIVE_PER_GB = 0.10;
    static final double DYNAMODB_PER_WRITE_UNIT = 0.625 / 1e6;
    static final double DYNAMODB_PER_READ_UNIT = 0.125 / 1e6;
    static final double SES_PER_EMAIL = 0.10 / 1000;

    /** One function invoked once per order: its memory and its billed milliseconds (Lambda rounds up to 1 ms). */
    record Invocation(String functionId, int memoryMb, double millis) {

        double lambdaDollars() {
            return memoryMb / 1024.0 * Math.ceil(millis) / 1000.0 * LAMBDA_ARM_PER_GB_SECOND + LAMBDA_PER_REQUEST;
        }
    }

    /** Per order: the invocations, DynamoDB write and read units, events published (and their size), emails sent. */
    record PerOrder(java.util.List<Invocation> invocations, double dynamoWrites, double dynamoReads, double events,
                    double eventKb, double emails) {
    }

    /** Dollars per million orders, by line item, in the order a reader checks them. */
    static Map<String, Double> perMillionOrders(PerOrder order) {
        Map<String, Double> lines = new LinkedHashMap<>();
        double lambda = order.invocations().stream().mapToDouble(Invocation::lambdaDollars).sum();
        lines.put("Lambda (arm64, duration + requests)", lambda * 1e6);
        lines.put("API Gateway HTTP API (1 request)", HTTP_API_PER_REQUEST * 1e6);
        lines.put("EventBridge (custom events published)", order.events() * EVENTBRIDGE_PER_EVENT * 1e6);
        lines.put("EventBridge archive (GB processed)", order.events() * order.eventKb() / (1024.0 * 1024.0) * EVENTBRIDGE_ARCHIVE_PER_GB * 1e6);
        lines.put("DynamoDB on-demand (writes)", order.dynamoWrites() * DYNAMODB_PER_WRITE_UNIT * 1e6);
        lines.put("DynamoDB on-demand (reads)", order.dynamoReads() * DYNAMODB_PER_READ_UNIT * 1e6);
        lines.put("SES (emails)", order.emails() * SES_PER_EMAIL * 1e6);
        lines.put("total", lines.values().stream().mapToDouble(Double::doubleValue).sum());
        return lines;
    }

    /** Whether an SDK operation is a DynamoDB write (1 WRU per item up to 1 KB) or read (1 RRU up to 4 KB, strong). */
    static boolean isDynamoWrite(String operation) {
        return operation.startsWith("Put") || operation.startsWith("Update") || operation.startsWith("Delete")
                || operation.startsWith("BatchWrite") || operation.startsWith("TransactWrite");
    }
}
