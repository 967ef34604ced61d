package shop.localparts;

import java.io.ByteArrayInputStream;
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
import java.util.stream.Stream;

/**
 * Writes a small jar at run time from classes already on the classpath: the test fixtures' function jars and the
 * benchmarks' hello-world floor and SDK probe. The first entry of a name wins; later ones are skipped, as shading does.
 */
public final class JarBuilder implements AutoCloseable {

    private final Path jar;
    private final JarOutputStream out;
    private final Set<String> written = new HashSet<>();

    private JarBuilder(Path jar) throws IOException {
        this.jar = jar;
        this.out = new JarOutputStream(Files.newOutputStream(jar));
    }

    public static JarBuilder create(Path jar) {
        try {
            return new JarBuilder(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    /** The class file of {@code type}, from where its class loader has it. */
    public JarBuilder addClass(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        return add(name, type.getClassLoader().getResourceAsStream(name));
    }

    /** Every file under {@code root/folder}, named relative to {@code root} (a classes folder and one package in it). */
    public JarBuilder addFolder(Path root, String folder) {
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                add(root.relativize(file).toString().replace('\\', '/'), Files.newInputStream(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every class of the jar that holds {@code type} (e.g. aws-lambda-java-core, as a shaded function jar has it). */
    public JarBuilder addClassesOfJarWith(Class<?> type) {
        try (JarFile source = new JarFile(location(type).toFile())) {
            for (JarEntry entry : source.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                add(entry.getName(), source.getInputStream(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public JarBuilder addText(String name, String text) {
        return add(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private JarBuilder add(String name, InputStream in) {
        try (in) {
            if (written.add(name)) {
                out.putNextEntry(new JarEntry(name));
                in.transferTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + name + " to " + jar, e);
        }
        return this;
    }

    /** Finishes the jar and returns its path. */
    public Path build() {
        close();
        return jar;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + jar, e);
        }
    }

    /** The jar file or classes folder {@code type} was loaded from. */
    public static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
