package shop.packaging;

import shop.testsupport.ContextArchitecture;

/** STYLE.md's layering, held for this context by the rules every context shares. */
class ArchitectureTest extends ContextArchitecture {

    ArchitectureTest() {
        super("shop.packaging");
    }
}
