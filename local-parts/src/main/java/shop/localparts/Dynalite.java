package shop.localparts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's wire protocol on loopback, from the npm package dynalite 4.0.0 (pinned in package-lock.json).
 * In memory, tables ready at once ({@code --createTableMs 0}). It has no transactions, PartiQL, TTL or streams:
 * the code relies on single-item conditional writes only. The one place that knows how to start it.
 */
public final class Dynalite extends NodeServer {

    private Dynalite(Path script, int port) {
        super("dynalite", script, List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0",
                "--deleteTableMs", "0", "--updateTableMs", "0"), port, Map.of());
    }

    public static Dynalite start() {
        return new Dynalite(NodeModules.resolve("dynalite", "cli.js"), FreePort.find());
    }
}
