package shop.localcloud;

import java.nio.file.Files;
import java.util.List;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.UserError;
import shop.localparts.FreePort;
import shop.localparts.NodeModules;

/** What must hold before anything starts, each said as a problem the user can fix in one line. */
final class Preflight {

    private Preflight() {
    }

    static void requireNode() {
        try {
            NodeModules.requireNode();
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
    }

    static void requireFreePorts(Options options) {
        for (int port : new int[] {options.httpPort(), options.eventsPort(), options.edgePort()}) {
            if (port != 0 && FreePort.isListening(port)) {
                throw new UserError("port " + port + " is in use (another local-cloud?); stop what runs there or pass "
                        + (port == options.httpPort() ? "--port" : port == options.edgePort() ? "--edge-port" : "--events-port")
                        + " <free port>");
            }
        }
    }

    /** Every function's CodeUri jar exists: a function that is not built fails here, not at its first event. */
    static void requireArtifacts(SystemSpec spec) {
        List<String> missing = spec.functions().stream().filter(f -> !Files.isRegularFile(f.artifact()))
                .map(f -> f.logicalId() + " (" + spec.root().relativize(f.artifact()) + ")").toList();
        if (!missing.isEmpty()) {
            throw new UserError("not built: " + String.join(", ", missing)
                    + "; run mvn -B -DskipTests package (or ./local-cloud/run, which builds what is missing)");
        }
    }
}
