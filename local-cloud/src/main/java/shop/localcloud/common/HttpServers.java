package shop.localcloud.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** Loopback HTTP servers with one clear error when the port is taken. */
public final class HttpServers {

    static {
        // The JDK's HttpServer delays small replies (Nagle) unless told not to: ~88 ms per Runtime API answer
        // (benchmarks: hello-world warm p50 88.03 ms without, 0.71 ms with). Read once, at the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServers() {
    }

    public static HttpServer bind(int port, String what, String option) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, what);
                thread.setDaemon(true);
                return thread;
            }));
            return server;
        } catch (BindException e) {
            throw new UserError("port " + port + " (" + what + ") is in use; stop what runs there or pass " + option + " <free port>");
        } catch (IOException e) {
            throw new UserError("cannot listen on port " + port + " (" + what + "): " + e.getMessage());
        }
    }

    public static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        reply(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
