package shop.order.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import shop.order.domain.CustomerId;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.Sku;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;

/** In-memory fakes of the order context's ports, for pure use-case tests. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    static final class Orders implements shop.order.application.Orders {
        final Map<OrderId, Order> orders = new HashMap<>();
        final Map<OrderId, Map<String, PendingEvent>> outbox = new HashMap<>();

        @Override
        public boolean add(Order order, List<PendingEvent> owed) {
            if (orders.putIfAbsent(order.id(), order) != null) {
                return false;
            }
            Map<String, PendingEvent> entries = new LinkedHashMap<>();
            owed.forEach(e -> entries.put(e.eventId(), e));
            outbox.put(order.id(), entries);
            return true;
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return Optional.ofNullable(orders.get(id));
        }

        @Override
        public boolean cancel(Order cancelled, PendingEvent owed) {
            if (orders.get(cancelled.id()).status() != shop.order.domain.OrderStatus.PLACED) {
                return false;
            }
            orders.put(cancelled.id(), cancelled);
            outbox.get(cancelled.id()).put(owed.eventId(), owed);
            return true;
        }

        @Override
        public void published(OrderId id, List<String> eventIds) {
            eventIds.forEach(outbox.get(id)::remove);
        }

        @Override
        public List<PendingEvent> owedEvents(OrderId id) {
            return List.copyOf(outbox.getOrDefault(id, Map.of()).values());
        }

        @Override
        public List<OrderId> owingEvents(Instant owingSince, int limit) {
            return outbox.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).limit(limit).toList();
        }
    }

    static final class Prices implements PriceList {
        @Override
        public Map<Sku, Money> pricesOf(Set<Sku> skus) {
            Map<Sku, Money> prices = new HashMap<>();
            skus.stream().filter(s -> s.value().startsWith("SKU-")).forEach(s -> prices.put(s, Money.of("2.50", "EUR")));
            return prices;
        }
    }

    static final class Keys implements IdempotencyKeys {
        final Map<String, Claim> claims = new HashMap<>();

        @Override
        public Optional<Claim> claim(CustomerId customer, String key, Claim claim, Instant now) {
            return Optional.ofNullable(claims.putIfAbsent(customer.value() + "#" + key, claim));
        }
    }

    static final class Events implements OrderEvents {
        final List<PendingEvent> published = new ArrayList<>();
        boolean busDown;

        @Override
        public PendingEvent placed(Order order, String correlationId) {
            return new PendingEvent(UUID.randomUUID().toString(), "shop.orders", "OrderPlaced", "{\"orderId\":\"" + order.id() + "\"}");
        }

        @Override
        public PendingEvent cancelled(Order cancelled, String correlationId) {
            return new PendingEvent(UUID.randomUUID().toString(), "shop.orders", "OrderCancelled", "{\"orderId\":\"" + cancelled.id() + "\"}");
        }

        @Override
        public PublishResult publish(List<PendingEvent> events) {
            if (busDown) {
                return new PublishResult(List.of(), events);
            }
            published.addAll(events);
            return new PublishResult(events.stream().map(PendingEvent::eventId).toList(), List.of());
        }
    }
}
