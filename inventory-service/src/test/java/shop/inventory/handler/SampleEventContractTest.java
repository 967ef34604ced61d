package shop.inventory.handler;

import shop.testsupport.ConsumerSampleContract;

/** The consumer's side of the contract: the events this context is tested with are events the producer may publish. */
class SampleEventContractTest extends ConsumerSampleContract {

    SampleEventContractTest() {
        super("inventory-service");
    }
}
