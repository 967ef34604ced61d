package shop.localparts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * moto (the Python mock of AWS that LocalStack grew out of) on a free loopback port, served by werkzeug with ONE
 * thread: {@code moto_server} serves each request on its own thread, and its DynamoDB transactions were measured not
 * atomic that way (50 threads racing for 10 units took 12). One thread answers one request at a time, so they are.
 */
public final class Moto implements AutoCloseable {

    /** moto 5's own app, as {@code moto_server} builds it, under werkzeug's server with {@code threaded=False}. */
    private static final String SERVER = String.join("\n",
            "import sys",
            "from moto.server import DomainDispatcherApplication, create_backend_app",
            "from werkzeug.serving import run_simple",
            "run_simple(sys.argv[1], int(sys.argv[2]), DomainDispatcherApplication(create_backend_app), threaded=False)");

    private final Process process;
    private final int port;
    private final Path log;

    private Moto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Whether python3 on the PATH can import moto's server and werkzeug ({@code pip install 'moto[server]'}). */
    public static boolean importable() {
        try {
            Path log = Files.createTempFile("shop-moto-import-", ".log");
            Process check = ChildProcessLog.redirect(new ProcessBuilder("python3", "-c", "import moto.server, werkzeug.serving"), log).start();
            boolean ok = check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
            Files.deleteIfExists(log);
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts moto; its output goes to {@code log}. */
    public static Moto start(Path log) {
        int port = FreePort.find();
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = ChildProcessLog.redirect(new ProcessBuilder("python3", "-c", SERVER, "127.0.0.1",
                    Integer.toString(port)), log);
            builder.environment().put("MOTO_PORT", Integer.toString(port)); // as moto_server sets it: moto builds its own URLs from it
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            Moto moto = new Moto(process, port, log);
            moto.awaitListening();
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto with python3 (pip install 'moto[server]')", e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with code " + process.exitValue() + "; its output (" + log + "): "
                        + ChildProcessLog.tail(log));
            }
            if (FreePort.isListening(port)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto did not listen on port " + port + " within 60 s; its output: " + ChildProcessLog.tail(log));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
