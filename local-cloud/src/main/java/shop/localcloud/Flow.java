package shop.localcloud;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The readable story of a run, one line per thing that happens: requests, events, rules, deliveries, DLQ arrivals. */
public final class Flow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;

    public Flow(PrintStream out) {
        this.out = out;
    }

    static Flow quiet() {
        return new Flow(new PrintStream(PrintStream.nullOutputStream()));
    }

    public void line(String kind, String text) {
        String stamped = TIME.format(LocalTime.now(ZoneOffset.UTC)) + "  " + String.format("%-8s", kind) + text;
        synchronized (out) {
            out.println(stamped);
        }
    }

    public void info(String text) {
        synchronized (out) {
            out.println(text);
        }
    }

    public static String shortId(String id) {
        return id == null || id.length() <= 8 ? String.valueOf(id) : id.substring(0, 8);
    }

    public static String clip(String text, int max) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
