package shop.platform.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of every function: {@link JsonLogger}s that write one JSON object per line to stdout, which
 * Lambda sends to the function's log group. It replaces Powertools logging on log4j because, measured in
 * {@code BENCHMARKS.md}, log4j's start-up (plugin scan, layout templates) and its ~3 MB of jars were a large part
 * of each cold start and artifact; this does the same job with three small classes and no reflection.
 *
 * <p>The level is {@code AWS_LAMBDA_LOG_LEVEL} (Lambda's own logging control) or {@code LOG_LEVEL}, INFO when
 * neither is set. The AWS SDK and its HTTP client log only warnings and errors, whatever the level: at debug they
 * would write request content.
 */
public final class JsonLogs implements SLF4JServiceProvider {

    private static final String[] LIBRARIES = {"software.amazon.awssdk", "org.apache.hc"};

    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final Level level = level(System.getenv());
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, n -> new JsonLogger(n, levelOf(n)));

    static Level level(Map<String, String> environment) {
        String configured = environment.getOrDefault("AWS_LAMBDA_LOG_LEVEL", environment.get("LOG_LEVEL"));
        if (configured == null || configured.isBlank()) {
            return Level.INFO;
        }
        String name = configured.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "FATAL" -> Level.ERROR;
            case "WARNING" -> Level.WARN;
            default -> {
                try {
                    yield Level.valueOf(name);
                } catch (IllegalArgumentException e) {
                    yield Level.INFO;
                }
            }
        };
    }

    private Level levelOf(String loggerName) {
        for (String library : LIBRARIES) {
            if (loggerName.startsWith(library) && level.toInt() < Level.WARN.toInt()) {
                return Level.WARN;
            }
        }
        return level;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to load: the fields above are the whole configuration
    }
}
