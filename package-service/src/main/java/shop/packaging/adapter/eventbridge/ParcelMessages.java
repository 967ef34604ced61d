package shop.packaging.adapter.eventbridge;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.packaging.application.OwedEvent;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.Shipment;
import shop.platform.events.Envelopes;
import shop.platform.events.EventMetadata;
import shop.platform.events.PendingEvent;

/**
 * The package context's published language: ParcelShipped as events/schemas/ParcelShipped.v1.schema.json defines
 * it. The same owed event always yields the same bytes, so the stored and the sent copy are one event.
 */
public final class ParcelMessages {

    public static final String SOURCE = "shop.packaging";
    static final String SCHEMA_VERSION = "1.0";
    static final String PRODUCER = "package-service";

    private ParcelMessages() {
    }

    public static PendingEvent of(OwedEvent owed) {
        Parcel parcel = owed.parcel();
        Shipment how = parcel.shipment().orElseThrow();
        Recipient recipient = parcel.recipient().orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("parcelId", parcel.parcelId());
        data.put("orderId", parcel.orderId().value());
        data.put("customerId", recipient.customerId());
        data.put("lines", parcel.lines().stream()
                .map(line -> Map.<String, Object>of("sku", line.sku(), "quantity", line.quantity())).toList());
        data.put("shippedAt", how.shippedAt().toString());
        data.put("carrier", how.carrier());
        data.put("trackingNumber", how.trackingNumber());
        data.put("contactEmail", recipient.contactEmail());
        return Envelopes.pending(SOURCE, new EventMetadata(owed.eventId(), "ParcelShipped", SCHEMA_VERSION,
                how.shippedAt().toString(), owed.correlationId(), PRODUCER), data);
    }
}
