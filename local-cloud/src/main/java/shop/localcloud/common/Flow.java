package shop.localcloud.common;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The readable story of a run, one line per thing that happens: requests, events, rules, deliveries, DLQ arrivals. */
public final class Flow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One line as the console shows it: its sequence number (for polling), time, kind and text. */
    public record Line(long seq, String time, String kind, String text) {
    }

    static final int KEPT = 5000;

    private final PrintStream out;
    private final java.util.ArrayDeque<Line> recent = new java.util.ArrayDeque<>();
    private long seq;

    public Flow(PrintStream out) {
        this.out = out;
    }

    /** The lines after {@code after} (the last {@value #KEPT} are kept), oldest first. */
    public List<Line> since(long after) {
        synchronized (recent) {
            return recent.stream().filter(l -> l.seq() > after).toList();
        }
    }

    /** A flow that keeps its recent lines but prints nothing (tests, and runs nobody watches). */
    public static Flow quiet() {
        return new Flow(new PrintStream(PrintStream.nullOutputStream()));
    }

    public void line(String kind, String text) {
        String time = TIME.format(LocalTime.now(ZoneOffset.UTC));
        synchronized (recent) {
            recent.addLast(new Line(++seq, time, kind, text));
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        String stamped = time + "  " + String.format("%-8s", kind) + (kind.length() < 8 ? "" : " ") + text; // THROTTLE fills 8
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
