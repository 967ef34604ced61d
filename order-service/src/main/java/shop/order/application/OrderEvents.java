package shop.order.application;

import java.util.List;
import shop.order.domain.Order;
import shop.platform.events.PendingEvent;
import shop.platform.events.PublishResult;

/** The order context's published language on the bus: turns orders into events and puts them there. */
public interface OrderEvents {

    PendingEvent placed(Order order, String correlationId);

    PendingEvent cancelled(Order cancelled, String correlationId);

    /** Puts events on the bus; what the bus did not accept is reported, never thrown away. */
    PublishResult publish(List<PendingEvent> events);
}
