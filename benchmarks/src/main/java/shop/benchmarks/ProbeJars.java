package shop.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import shop.benchmarks.hello.HelloHandler;
import shop.benchmarks.probe.SdkTimingInterceptor;

/** Builds, at run time, the two jars the harness adds: the hello-world floor function and the SDK timing probe. */
final class ProbeJars {

    private ProbeJars() {
    }

    /** A shaded function jar like the services' (handler + aws-lambda-java-core), with nothing else in it. */
    static Path hello(Path dir) {
        Path jar = dir.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> written = new HashSet<>();
            addClass(out, written, HelloHandler.class);
            try (JarFile core = new JarFile(location(RequestStreamHandler.class).toFile())) {
                for (JarEntry entry : core.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    add(out, written, entry.getName(), core.getInputStream(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** The SDK interceptor plus the resource that makes every SDK client load it (SDK "global interceptors"). */
    static Path sdkTiming(Path dir) {
        Path jar = dir.resolve("sdk-timing-probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> written = new HashSet<>();
            addClass(out, written, SdkTimingInterceptor.class);
            addClass(out, written, shop.benchmarks.probe.SnapStartSimulation.class);
            add(out, written, "software/amazon/awssdk/global/handlers/execution.interceptors",
                    new java.io.ByteArrayInputStream((SdkTimingInterceptor.class.getName() + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void addClass(JarOutputStream out, Set<String> written, Class<?> type) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        add(out, written, name, type.getClassLoader().getResourceAsStream(name));
    }

    private static void add(JarOutputStream out, Set<String> written, String name, InputStream in) throws IOException {
        try (in) {
            if (written.add(name)) {
                out.putNextEntry(new JarEntry(name));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
