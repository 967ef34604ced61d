package shop.order.handler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** Every log line the functions write, rendered by the production JSON layout, for tests to read. */
final class CapturedLogs extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs(Configuration config) {
        super("captured", null, config.getAppender("JsonAppender").getLayout(), true, Property.EMPTY_ARRAY);
    }

    static CapturedLogs attach() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        CapturedLogs logs = new CapturedLogs(config);
        logs.start();
        config.getLoggers().values().forEach(logger -> logger.addAppender(logs, null, null));
        config.getRootLogger().addAppender(logs, null, null);
        context.updateLoggers();
        return logs;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getLoggers().values().forEach(logger -> logger.removeAppender(getName()));
        config.getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
