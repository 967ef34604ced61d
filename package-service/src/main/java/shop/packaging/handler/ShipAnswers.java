package shop.packaging.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.packaging.application.ShipParcel;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.Parcel;
import shop.platform.json.Json;

/** What the ship action answers the warehouse: the outcome, the parcel as it stands, and why when it refuses. */
final class ShipAnswers {

    private ShipAnswers() {
    }

    static ObjectNode of(OrderId orderId, ShipParcel.Result result) {
        ObjectNode answer = Json.object().put("outcome", result.outcome().name()).put("orderId", orderId.value());
        result.parcel().ifPresent(parcel -> {
            answer.put("parcelId", parcel.parcelId()).put("status", parcel.status().name());
            parcel.shipment().ifPresent(how -> answer.put("carrier", how.carrier())
                    .put("trackingNumber", how.trackingNumber()).put("shippedAt", how.shippedAt().toString()));
        });
        String detail = switch (result.outcome()) {
            case NOT_FOUND -> "no parcel for this order: it was never confirmed, or the orderId is wrong";
            case NOT_SHIPPABLE -> notShippable(result.parcel().orElseThrow());
            case ALREADY_SHIPPED -> "the parcel had already shipped; nothing changed and nothing was announced again";
            default -> null;
        };
        if (detail != null) {
            answer.put("detail", detail);
        }
        return answer;
    }

    private static String notShippable(Parcel parcel) {
        return switch (parcel.status()) {
            case CANCELLED, CANCELLED_BEFORE_CONFIRMED -> "the order was cancelled before the parcel shipped: it stays in the warehouse";
            default -> "the parcel has no recipient recorded (stored before recipients were kept), so its shipment cannot be announced";
        };
    }
}
