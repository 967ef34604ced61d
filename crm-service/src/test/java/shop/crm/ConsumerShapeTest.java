package shop.crm;

import shop.testsupport.ConsumerShape;

/** The README's "Each consumer has the same shape", held for this context by the rules every consumer shares. */
class ConsumerShapeTest extends ConsumerShape {

    ConsumerShapeTest() {
        super("shop.crm", "Crm");
    }
}
