package shop.crm.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A customer's history in time order, built from their orders: the same whatever order the events arrived in. */
public record Timeline(CustomerId customerId, List<TimelineEntry> entries) {

    public Timeline {
        entries = List.copyOf(entries);
    }

    public static Timeline of(CustomerId customerId, Collection<CustomerOrder> orders) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (CustomerOrder order : orders) {
            entries.add(new TimelineEntry(order.placedAt(), TimelineEntry.Type.PLACED, order.orderId(), Optional.empty(),
                    order.unitCount()));
            order.confirmedAt().ifPresent(at -> entries.add(
                    new TimelineEntry(at, TimelineEntry.Type.CONFIRMED, order.orderId(), Optional.empty())));
            order.rejectedAt().ifPresent(at -> entries.add(new TimelineEntry(at, TimelineEntry.Type.REJECTED,
                    order.orderId(), order.rejection().map(RejectionReason::code))));
            order.shippedAt().ifPresent(at -> entries.add(
                    new TimelineEntry(at, TimelineEntry.Type.SHIPPED, order.orderId(), Optional.empty())));
            order.cancelledAt().ifPresent(at -> entries.add(new TimelineEntry(at, TimelineEntry.Type.CANCELLED,
                    order.orderId(), order.reason().map(CancellationReason::code))));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::type)
                .thenComparing(e -> e.orderId().value()));
        return new Timeline(customerId, entries);
    }
}
