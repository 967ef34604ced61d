package shop.packaging.adapter.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.packaging.adapter.eventbridge.ParcelMessages;
import shop.packaging.application.OwedEvent;
import shop.packaging.application.Parcels;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.ParcelStatus;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.Shipment;
import shop.packaging.domain.ShippingAddress;
import shop.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per order ({@code PARCEL#<orderId>}/PARCEL): status, lines, shipping address, recipient, shipment, the
 * ids of the events that created and cancelled it, when its status last changed, and the ParcelShipped it still
 * owes the bus (platform's {@link OutboxItems}). Every write is conditional on the item's absence or on the
 * status it leaves.
 */
public final class DynamoDbParcels implements Parcels {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbParcels(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean create(Parcel parcel, String eventId) {
        Map<String, AttributeValue> item = newItem(parcel.orderId(), parcel.status());
        item.put("lines", AttributeValue.fromL(parcel.lines().stream().map(line -> AttributeValue.fromM(
                Map.of("sku", s(line.sku()), "quantity", AttributeValue.fromN(Integer.toString(line.quantity()))))).toList()));
        item.put("shippingAddress", address(parcel.shippingAddress()));
        item.put("confirmedEventId", s(eventId));
        parcel.recipient().ifPresent(recipient -> {
            item.put("customerId", s(recipient.customerId()));
            item.put("contactEmail", s(recipient.contactEmail()));
        });
        return putIfAbsent(item);
    }

    @Override
    public boolean tombstone(OrderId orderId, String eventId) {
        Map<String, AttributeValue> item = newItem(orderId, ParcelStatus.CANCELLED_BEFORE_CONFIRMED);
        item.put("cancelledEventId", s(eventId));
        return putIfAbsent(item);
    }

    @Override
    public Optional<Parcel> find(OrderId orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(orderId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<ParcelLine> lines = item.getOrDefault("lines", AttributeValue.fromL(List.of())).l().stream()
                .map(line -> new ParcelLine(line.m().get("sku").s(), Integer.parseInt(line.m().get("quantity").n())))
                .toList();
        AttributeValue address = item.get("shippingAddress");
        Optional<Recipient> recipient = item.containsKey("contactEmail")
                ? Optional.of(new Recipient(item.get("customerId").s(), item.get("contactEmail").s())) : Optional.empty();
        Optional<Shipment> shipment = item.containsKey("carrier")
                ? Optional.of(new Shipment(item.get("carrier").s(), item.get("trackingNumber").s(),
                Instant.parse(item.get("shippedAt").s()))) : Optional.empty();
        return Optional.of(new Parcel(orderId, status(item.get("status").s()), lines,
                address == null ? null : address(address.m()), recipient, shipment));
    }

    @Override
    public boolean move(OrderId orderId, ParcelStatus from, ParcelStatus to, String cause) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(orderId))
                    .updateExpression("SET #status = :to, updatedAt = :now, cancelledEventId = :cause")
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":from", s(from.name()), ":to", s(to.name()),
                            ":now", s(clock.instant().toString()), ":cause", s(cause))));
            return true;
        } catch (ConditionalCheckFailedException elsewhere) {
            return false;
        }
    }

    /**
     * TO_PICK to SHIPPED with the shipment and its owed ParcelShipped, in one conditional update. The parcel owes
     * nothing before (shipping happens once, from TO_PICK), so the outbox attributes are set whole, which also
     * serves parcels stored before their items carried an outbox map.
     */
    @Override
    public boolean ship(Parcel shipped, OwedEvent owed) {
        Shipment how = shipped.shipment().orElseThrow();
        Map<String, AttributeValue> outbox = new HashMap<>();
        OutboxItems.addTo(outbox, List.of(ParcelMessages.of(owed)), how.shippedAt());
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", s(ParcelStatus.TO_PICK.name()),
                ":to", s(ParcelStatus.SHIPPED.name()), ":at", s(how.shippedAt().toString()),
                ":carrier", s(how.carrier()), ":tracking", s(how.trackingNumber())));
        StringBuilder set = new StringBuilder(
                "SET #status = :to, updatedAt = :at, shippedAt = :at, carrier = :carrier, trackingNumber = :tracking");
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : outbox.entrySet()) {
            names.put("#ob" + i, attribute.getKey());
            values.put(":ob" + i, attribute.getValue());
            set.append(", #ob").append(i).append(" = :ob").append(i);
            i++;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(shipped.orderId()))
                    .updateExpression(set.toString())
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notToPickAnyMore) {
            return false;
        }
    }

    /** Tombstones written before parcels waited for OrderConfirmed were CANCELLED_BEFORE_PLACED: the same fact, read alike. */
    private static ParcelStatus status(String stored) {
        return "CANCELLED_BEFORE_PLACED".equals(stored) ? ParcelStatus.CANCELLED_BEFORE_CONFIRMED : ParcelStatus.valueOf(stored);
    }

    private Map<String, AttributeValue> newItem(OrderId orderId, ParcelStatus status) {
        Map<String, AttributeValue> item = new HashMap<>(key(orderId));
        item.put("orderId", s(orderId.value()));
        item.put("status", s(status.name()));
        item.put("updatedAt", s(clock.instant().toString()));
        return item;
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** The key of an order's parcel item, which is also where its outbox is. */
    public static Map<String, AttributeValue> key(OrderId orderId) {
        return Map.of("pk", s("PARCEL#" + orderId.value()), "sk", s("PARCEL"));
    }

    private static AttributeValue address(ShippingAddress address) {
        Map<String, AttributeValue> fields = new HashMap<>(Map.of("name", s(address.name()), "line1", s(address.line1()),
                "city", s(address.city()), "postalCode", s(address.postalCode()), "country", s(address.country())));
        address.line2().ifPresent(line2 -> fields.put("line2", s(line2)));
        return AttributeValue.fromM(fields);
    }

    private static ShippingAddress address(Map<String, AttributeValue> fields) {
        return new ShippingAddress(fields.get("name").s(), fields.get("line1").s(),
                Optional.ofNullable(fields.get("line2")).map(AttributeValue::s), fields.get("city").s(),
                fields.get("postalCode").s(), fields.get("country").s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
