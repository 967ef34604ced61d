package shop.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import shop.localparts.LambdaLayer;
import shop.localparts.ProjectRoot;

/** The FunctionLayer's jars, unpacked as Lambda puts them on a function's classpath (/opt/java/lib). */
final class LayerJars {

    private LayerJars() {
    }

    static Path zip() {
        return ProjectRoot.find().resolve(String.valueOf(Template.load().properties("FunctionLayer").get("ContentUri")));
    }

    static List<Path> paths() {
        try (Stream<Path> files = Files.list(LambdaLayer.libraries(zip()))) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<URL> urls() {
        return paths().stream().map(LayerJars::url).toList();
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
