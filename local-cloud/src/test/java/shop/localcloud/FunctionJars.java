package shop.localcloud;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds a tiny shaded function jar (the fixtures' handlers + aws-lambda-java-core), like a service's artifact. */
final class FunctionJars {

    private FunctionJars() {
    }

    static Path fixtures(Path dir) {
        Path jar = dir.resolve("fixtures.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> written = new HashSet<>();
            Path classes = location(FunctionJars.class);
            try (Stream<Path> files = Files.walk(classes.resolve("shop/localcloud/fixtures"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    add(out, written, classes.relativize(file).toString().replace('\\', '/'), Files.newInputStream(file));
                }
            }
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
