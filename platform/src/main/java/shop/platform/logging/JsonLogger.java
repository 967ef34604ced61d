package shop.platform.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;
import shop.platform.json.Json;

/**
 * One log event as one line of JSON on stdout: {@code timestamp}, {@code level}, {@code logger}, {@code message},
 * then the invocation's fields from the MDC ({@link LambdaLogging}: request id, correlation id, ...), then the
 * event's key-value pairs ({@code LOG.atInfo().addKeyValue("outcome", outcome).log(...)}), then {@code error}
 * with the exception's class, message and stack trace. The line is written with one call, so lines of
 * concurrent threads never interleave, and it never contains a raw line break, so CloudWatch keeps it whole.
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;

    private final String shortName;
    private final int threshold;

    JsonLogger(String name, Level threshold) {
        this.name = name;
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
        this.threshold = threshold.toInt();
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), throwable);
    }

    /** The fluent API ({@code atInfo().addKeyValue(...)}) arrives here, with its key-value pairs. */
    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        Throwable throwable = event.getThrowable();
        if (throwable == null) {
            throwable = MessageFormatter.getThrowableCandidate(arguments);
            if (throwable != null) {
                arguments = MessageFormatter.trimmedCopy(arguments);
            }
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        write(event.getLevel(), MessageFormatter.basicArrayFormat(event.getMessage(), arguments), pairs, throwable);
    }

    private void write(Level level, String message, List<KeyValuePair> pairs, Throwable throwable) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = Json.generator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.ofEpochMilli(System.currentTimeMillis()).toString());
            json.writeStringField("level", level.name());
            json.writeStringField("logger", shortName);
            json.writeStringField("message", message);
            Map<String, String> context = MDC.getCopyOfContextMap();
            if (context != null) {
                for (Map.Entry<String, String> field : context.entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
            }
            for (KeyValuePair pair : pairs) {
                json.writeFieldName(pair.key);
                writeValue(json, pair.value);
            }
            if (throwable != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("name", throwable.getClass().getName());
                json.writeStringField("message", throwable.getMessage());
                json.writeStringField("stack", stackTrace(throwable));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            line = new StringWriter().append("{\"level\":\"ERROR\",\"message\":\"a log line could not be written\"}");
        }
        line.append('\n');
        PrintStream out = System.out;
        out.print(line);
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        JsonNode node;
        try {
            node = Json.node(value);
        } catch (IllegalArgumentException e) { // a log line never fails for the type of a value
            node = Json.node(String.valueOf(value));
        }
        Json.write(json, node);
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter trace = new StringWriter(1024);
        throwable.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
