package shop.order.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.order.domain.CustomerId;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderStatus;
import shop.order.domain.Sku;

/** In-memory fakes of the order context's ports, for pure use-case tests. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    /** Orders with their owed events; an owed event is forgotten once {@link Events} published it. */
    static final class Orders implements shop.order.application.Orders {
        final Map<OrderId, Order> orders = new HashMap<>();
        final Map<OrderId, Map<String, OwedEvent>> outbox = new HashMap<>();

        @Override
        public boolean add(Order order, OwedEvent owed) {
            if (orders.putIfAbsent(order.id(), order) != null) {
                return false;
            }
            outbox.computeIfAbsent(order.id(), id -> new LinkedHashMap<>()).put(owed.eventId(), owed);
            return true;
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return Optional.ofNullable(orders.get(id));
        }

        @Override
        public boolean change(OrderStatus from, Order changed, OwedEvent owed) {
            if (orders.get(changed.id()).status() != from) {
                return false;
            }
            orders.put(changed.id(), changed);
            outbox.computeIfAbsent(changed.id(), id -> new LinkedHashMap<>()).put(owed.eventId(), owed);
            return true;
        }

        @Override
        public boolean ship(OrderStatus from, Order shipped) {
            Order stored = orders.get(shipped.id());
            if (stored.status() != from || stored.shipment().isPresent()) {
                return false;
            }
            orders.put(shipped.id(), shipped);
            return true;
        }

        List<OwedEvent> owed(OrderId id) {
            return List.copyOf(outbox.getOrDefault(id, Map.of()).values());
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

    /** Claims with the orders they placed: a claim and its order are stored together, or neither. */
    static final class Keys implements IdempotencyKeys {
        final Map<String, Claim> claims = new HashMap<>();
        final Orders orders;

        Keys(Orders orders) {
            this.orders = orders;
        }

        @Override
        public Optional<Claim> placeOnce(CustomerId customer, String key, String requestFingerprint, Order order, OwedEvent owed,
                                         Instant now) {
            Claim earlier = claims.get(customer.value() + "#" + key);
            if (earlier != null) {
                return Optional.of(earlier);
            }
            claims.put(customer.value() + "#" + key, new Claim(requestFingerprint, order.id()));
            orders.add(order, owed);
            return Optional.empty();
        }

        /** A claim without its order, as the writes before claims and orders were one could leave it. */
        void claimedOnly(CustomerId customer, String key, Claim claim) {
            claims.put(customer.value() + "#" + key, claim);
        }
    }

    /** The bus: records what was published and forgets it from the order's outbox, unless it is down. */
    static final class Events implements OrderEvents {
        final List<OwedEvent> published = new ArrayList<>();
        final Orders orders;
        boolean busDown;

        Events(Orders orders) {
            this.orders = orders;
        }

        @Override
        public void publish(OwedEvent owed) {
            if (busDown) {
                return;
            }
            published.add(owed);
            orders.outbox.get(owed.order().id()).remove(owed.eventId());
        }
    }
}
