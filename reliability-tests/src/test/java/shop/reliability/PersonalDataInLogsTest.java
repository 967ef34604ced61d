package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: every function log local-cloud wrote in this build (target/reliability-runs/&lt;scenario&gt;/data/logs,
 * one file per function: what CloudWatch Logs would hold), scanned for e-mail addresses and the shipping address
 * the orders carry. It runs a small scenario of its own first, so it also proves something when run alone.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataInLogsTest {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final List<String> ADDRESS = List.of(Workload.NAME, Workload.STREET, Workload.CITY, "Demo Customer", "1 Road");

    @Test
    void no_function_log_of_the_whole_run_holds_an_email_address_or_a_shipping_address() throws Exception {
        String orderId;
        try (Scenario scenario = Scenario.start("logs")) {
            Cohort cohort = new Cohort("L", Workload.orders(6, 3));
            cohort.place(scenario, 3);
            scenario.settle();
            cohort.cancel(scenario, 3);
            scenario.settle();
            orderId = cohort.orders.get(0).orderId();
        }

        List<Path> logs;
        try (Stream<Path> files = Files.walk(Scenario.runs())) {
            logs = files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("logs")
                    && p.toString().endsWith(".log")).sorted().toList();
        }
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        boolean orderSeen = false;
        for (Path log : logs) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                lines++;
                orderSeen |= line.contains(orderId);
                if (EMAIL.matcher(line).find() || ADDRESS.stream().anyMatch(line::contains)) {
                    leaks.add(Scenario.runs().relativize(log) + ": " + (line.length() > 300 ? line.substring(0, 300) : line));
                }
            }
        }
        System.out.printf("[reliability] logs: %d function log files, %d lines scanned, %d with personal data%n", logs.size(), lines, leaks.size());
        assertTrue(orderSeen, "the logs name the orders they handled (so they are the logs of real work)");
        assertEquals(List.of(), leaks.subList(0, Math.min(10, leaks.size())), leaks.size() + " lines hold personal data");
    }

}
