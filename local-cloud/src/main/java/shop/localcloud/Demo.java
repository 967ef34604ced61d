package shop.localcloud;

import java.io.PrintStream;

/** Places orders, cancels one, and checks that every context reached the expected state by reading its table. */
final class Demo {

    private Demo() {
    }

    static int run(Options options, PrintStream out) {
        throw new UserError("demo is not ready yet");
    }
}
