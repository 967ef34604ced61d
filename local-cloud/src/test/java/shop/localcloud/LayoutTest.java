package shop.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.localparts.ProjectRoot;

/** The generic emulator knows nothing of the shop: only the command line wires the shop's demo in. */
class LayoutTest {

    @Test
    void no_generic_package_uses_the_shop_package() throws IOException {
        Path main = ProjectRoot.find().resolve("local-cloud/src/main/java/shop/localcloud");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("shop")) && !f.equals(main.resolve("Main.java")))
                    .filter(f -> read(f).contains("import shop.localcloud.shop."))
                    .map(f -> main.relativize(f).toString()).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
