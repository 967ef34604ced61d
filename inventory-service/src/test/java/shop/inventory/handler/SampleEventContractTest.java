package shop.inventory.handler;

import java.util.List;
import shop.testsupport.ConsumerSampleContract;

/** The consumer's side of the contract: the events this context is tested with are events its producers may publish. */
class SampleEventContractTest extends ConsumerSampleContract {

    SampleEventContractTest() {
        super("inventory-service", List.of("shop.orders", "shop.packaging"), "order-placed", "parcel-shipped");
    }
}
