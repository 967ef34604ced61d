package shop.crm.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import shop.crm.application.ReadCancellationInsight;
import shop.crm.domain.CustomerId;
import shop.platform.json.Json;

/**
 * Cancellation insight on direct invocation (console, CLI, an analyst's script; no public route): conversions
 * (an order converts when it is confirmed), stock rejections and cancellations, defined in the answer itself.
 * {@code {"customerId": "..."}} answers that customer's insight and timeline; {@code {"from": "2026-01",
 * "to": "2026-03"}} answers the orders placed in those months (UTC), all customers; {@code {}} the last 12 months.
 */
public final class CancellationInsightHandler implements RequestStreamHandler {

    private final ReadCancellationInsight insight;
    private final Clock clock;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public CancellationInsightHandler() {
        this(Wiring.readCancellationInsight(), Clock.systemUTC());
    }

    public CancellationInsightHandler(ReadCancellationInsight insight, Clock clock) {
        this.insight = insight;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = read(input);
        ObjectNode answer = Json.object();
        if (request.hasNonNull("customerId")) {
            CustomerId customer = new CustomerId(request.path("customerId").asText());
            answer.put("scope", "customer");
            answer.put("customerId", customer.value());
            answer.set("insight", InsightJson.insight(insight.forCustomer(customer)));
            answer.set("timeline", InsightJson.timeline(insight.timeline(customer)));
        } else {
            YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
            YearMonth to = month(request, "to", now);
            YearMonth from = month(request, "from", to.minusMonths(11));
            answer.put("scope", "overall");
            answer.put("from", from.toString());
            answer.put("to", to.toString());
            answer.set("insight", InsightJson.insight(insight.overall(from, to)));
        }
        Json.write(output, answer);
    }

    private static JsonNode read(InputStream input) throws IOException {
        try {
            JsonNode request = Json.read(input);
            if (request == null || request.isMissingNode() || request.isNull()) {
                return Json.object();
            }
            if (!request.isObject()) {
                throw new IllegalArgumentException("the request is a JSON object: {\"customerId\": ...} or {\"from\": \"yyyy-MM\", \"to\": \"yyyy-MM\"}");
            }
            return request;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the request is not valid JSON");
        }
    }

    private static YearMonth month(JsonNode request, String field, YearMonth fallback) {
        if (!request.hasNonNull(field)) {
            return fallback;
        }
        try {
            return YearMonth.parse(request.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is a month of the form yyyy-MM");
        }
    }
}
