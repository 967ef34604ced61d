package shop.localcloud.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.localcloud.Options;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Quotas;
import shop.localcloud.common.UserError;

/** The command line: positional words, {@code --name value} options and flags. */
record Arguments(List<String> positional, Map<String, String> values, Map<String, String> parameters) {

    static Arguments parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-") && !arg.equals("-")) {
                String name = arg.replaceFirst("^--?", "");
                if (name.equals("function-logs") || name.equals("running") || name.equals("api-throttle")) {
                    values.put(name, "true");
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new UserError(arg + " needs a value (--help lists the options)");
                }
                String value = args[++i];
                if (name.equals("parameter")) {
                    String[] kv = value.split("=", 2);
                    if (kv.length != 2) {
                        throw new UserError("--parameter takes Name=Value, not " + value);
                    }
                    parameters.put(kv[0], kv[1]);
                } else {
                    values.put(name, value);
                }
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(positional, values, parameters);
    }

    String value(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    Options options(Path root, boolean freePorts) {
        Options defaults = Options.defaults(root);
        try {
            return new Options(
                    Path.of(value("template", defaults.template().toString())).toAbsolutePath(),
                    Path.of(value("data", defaults.dataDir().toString())).toAbsolutePath(),
                    Integer.parseInt(value("port", freePorts ? "0" : "3000")),
                    Integer.parseInt(value("sqs-port", "0")),
                    Integer.parseInt(value("events-port", "0")),
                    Integer.parseInt(value("edge-port", freePorts ? "0" : "4566")),
                    Double.parseDouble(value("retry-scale", Double.toString(defaults.retryScale()))),
                    Double.parseDouble(value("schedule-scale", "1.0")),
                    Integer.parseInt(value("concurrency", "2")),
                    parameters,
                    values.containsKey("function-logs"),
                    true,
                    new Faults(Double.parseDouble(value("fault-put-events", "0")),
                            Double.parseDouble(value("fault-put-events-entry", "0")),
                            Double.parseDouble(value("fault-delivery", "0")),
                            Integer.parseInt(value("fault-delivery-delay", "0")))
                            .onlyFrom(value("fault-put-events-source", "").isBlank() ? new String[0]
                                    : value("fault-put-events-source", "").split(",")),
                    quotas(),
                    Map.of());
        } catch (NumberFormatException e) {
            throw new UserError("a numeric option has a value that is not a number: " + e.getMessage());
        }
    }

    private Quotas quotas() {
        Quotas quotas = new Quotas(Integer.parseInt(value("account-concurrency", "0")),
                Double.parseDouble(value("put-events-tps", "0")),
                Double.parseDouble(value("ses-rate", "0")),
                Integer.parseInt(value("ses-daily", "0")),
                Double.parseDouble(value("item-write-units", "0")),
                false);
        return values.containsKey("api-throttle") ? quotas.withApiStageThrottle() : quotas;
    }

    /** A time option: ISO-8601 (2026-01-31T10:00:00Z), {@code now}, or relative to now like {@code -15m}, {@code -2h}, {@code -1d}. */
    static Instant time(String text, String option) {
        if (text == null) {
            throw new UserError(option + " is required: an ISO-8601 time (2026-01-31T10:00:00Z), 'now', or relative like -15m");
        }
        if (text.equals("now")) {
            return Instant.now();
        }
        if (text.matches("-\\d+[smhd]")) {
            long n = Long.parseLong(text.substring(1, text.length() - 1));
            Duration d = switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Instant.now().minus(d);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError(option + " " + text + " is not a time: use ISO-8601 (2026-01-31T10:00:00Z), 'now', or -15m / -2h / -1d");
        }
    }
}
