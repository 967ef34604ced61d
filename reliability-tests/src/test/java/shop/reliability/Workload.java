package shop.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A reproducible set of orders (seeded): 1-2 lines of SKU-1..SKU-4, 1-3 units each, and every third order
 * cancelled with a reason that cycles through the schema's enum. Sizes come from system properties, so that
 * {@code -Dreliability.orders=1000} runs the same scenarios bigger.
 */
final class Workload {

    /** The personal data every order carries; the log scan looks for exactly these. */
    static final String NAME = "Erika Mustermann";
    static final String STREET = "Kastanienallee 17";
    static final String CITY = "Leipzig";
    static final String POSTAL_CODE = "04109";
    static final List<String> REASONS = List.of("CHANGED_MIND", "FOUND_CHEAPER", "DELIVERY_TOO_SLOW", "ORDERED_BY_MISTAKE", "OTHER");

    record Line(String sku, int quantity) {
    }

    /** Order {@code index} of a run: its lines and, if it gets cancelled, why. */
    record Planned(int index, List<Line> lines, Optional<String> cancelReason) {

        String customer(String cohort) {
            return cohort + "-customer-" + index;
        }

        String email(String cohort) {
            return cohort + "-customer-" + index + "@example.com";
        }
    }

    private Workload() {
    }

    static List<Planned> orders(int count, long seed) {
        Random random = new Random(seed);
        List<Planned> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Line> lines = new ArrayList<>();
            int first = 1 + random.nextInt(4);
            lines.add(new Line("SKU-" + first, 1 + random.nextInt(3)));
            if (random.nextBoolean()) {
                lines.add(new Line("SKU-" + (1 + first % 4), 1 + random.nextInt(3)));
            }
            Optional<String> cancel = i % 3 == 2 ? Optional.of(REASONS.get(i / 3 % REASONS.size())) : Optional.empty();
            orders.add(new Planned(i, List.copyOf(lines), cancel));
        }
        return orders;
    }

    /** {@code -Dreliability.<name>=N}, else the default sized for the normal build. */
    static int size(String name, int normalBuild) {
        return Integer.getInteger("reliability." + name, normalBuild);
    }

    static long cancellations(List<Planned> orders) {
        return orders.stream().filter(o -> o.cancelReason().isPresent()).count();
    }
}
