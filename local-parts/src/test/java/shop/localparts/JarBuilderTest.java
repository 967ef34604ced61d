package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarBuilderTest {

    @Test
    void a_jar_of_classes_a_jar_and_a_text_that_loads_in_its_own_class_loader(@TempDir Path dir) throws Exception {
        Path built;
        try (JarBuilder jar = JarBuilder.create(dir.resolve("test.jar"))) {
            built = jar.addClass(JarBuilderTest.class)
                    .addClassesOfJarWith(RequestStreamHandler.class)
                    .addText("notes/hello.txt", "first")
                    .addText("notes/hello.txt", "second")
                    .build();
        }

        try (JarFile jar = new JarFile(built.toFile())) {
            assertTrue(jar.getEntry("shop/localparts/JarBuilderTest.class") != null);
            assertTrue(jar.getEntry("com/amazonaws/services/lambda/runtime/Context.class") != null, "the whole jar of the class");
            assertEquals("first", new String(jar.getInputStream(jar.getEntry("notes/hello.txt")).readAllBytes(), StandardCharsets.UTF_8),
                    "the first entry of a name wins");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {built.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            assertEquals(loader, Class.forName(RequestStreamHandler.class.getName(), false, loader).getClassLoader());
        }
    }

    @Test
    void a_folder_keeps_its_names_relative_to_the_root(@TempDir Path dir) throws Exception {
        Path classes = JarBuilder.location(JarBuilderTest.class);
        Path built = JarBuilder.create(dir.resolve("folder.jar")).addFolder(classes, "shop/localparts").build();

        try (JarFile jar = new JarFile(built.toFile())) {
            assertTrue(jar.getEntry("shop/localparts/JarBuilderTest.class") != null, "named from the classes root");
        }
    }
}
