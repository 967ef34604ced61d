package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import shop.localparts.ProjectRoot;

/**
 * What Lambda does on the first invoke, done at build time: open the CodeUri artifact (with the FunctionLayer's jars
 * behind it), load the Handler's class and find its method. A wrong package, a class left out of the shaded jar or a renamed method fails here.
 */
class HandlersInJarsTest {

    private final Template template = Template.load();

    @Test
    void every_function_deploys_a_prebuilt_jar_that_sam_build_leaves_as_it_is() {
        template.ofType("AWS::Serverless::Function").forEach((id, function) -> {
            String codeUri = String.valueOf(template.properties(id).get("CodeUri"));
            assertTrue(codeUri.matches("[a-z-]+/target/[a-z-]+\\.jar"), id + ": CodeUri is not a built jar: " + codeUri);
            assertEquals(true, Template.map(function.get("Metadata")).get("SkipBuild"),
                    id + ": without Metadata.SkipBuild, `sam build` tries to build the jar file as a source folder");
        });
    }

    @TestFactory
    Stream<DynamicTest> every_function_handler_is_a_public_class_with_a_public_handleRequest_inside_its_jar() {
        return template.ofType("AWS::Serverless::Function").keySet().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Map<String, Object> properties = template.properties(id);
            Path jar = ProjectRoot.find().resolve(String.valueOf(properties.get("CodeUri")));
            assertTrue(Files.isRegularFile(jar), id + ": " + jar + " is missing; build it with `mvn package` first");
            String[] handler = String.valueOf(properties.get("Handler")).split("::", 2);
            assertEquals(2, handler.length, id + ": Handler must read Class::method");
            List<URL> classpath = new ArrayList<>(List.of(jar.toUri().toURL()));
            classpath.addAll(LayerJars.urls()); // after the function's own code, as in Lambda
            try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), lambdaRuntime())) {
                Class<?> type = Class.forName(handler[0], false, loader);
                assertEquals(loader, type.getClassLoader(), id + ": " + handler[0] + " is not inside " + jar.getFileName());
                assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
                        id + ": " + handler[0] + " must be a public concrete class");
                assertTrue(Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0),
                        id + ": Lambda needs a public no-argument constructor on " + handler[0]);
                assertTrue(handles(type, handler[1]), id + ": " + handler[0] + " has no public " + handler[1]
                        + "(InputStream, OutputStream, Context) nor a RequestHandler " + handler[1] + "(input, Context)");
            } catch (ClassNotFoundException e) {
                fail(id + ": " + handler[0] + " is not in " + jar.getFileName());
            }
        }));
    }

    private static boolean handles(Class<?> type, String methodName) {
        boolean stream = implementsInterface(type, RequestStreamHandler.class.getName());
        boolean typed = implementsInterface(type, RequestHandler.class.getName());
        for (Method method : type.getMethods()) {
            if (!method.getName().equals(methodName) || Modifier.isAbstract(method.getModifiers())) {
                continue;
            }
            Class<?>[] p = method.getParameterTypes();
            if (p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class && isContext(p[2])) {
                return true;
            }
            if (typed && p.length == 2 && isContext(p[1])) {
                return true;
            }
        }
        assertFalse(stream || typed, type.getName() + " implements a Lambda interface but not with " + methodName);
        return false;
    }

    // compared by name: the jar's loader has its own copy of the Lambda interfaces, not this test's
    private static boolean isContext(Class<?> type) {
        return type.getName().equals(Context.class.getName());
    }

    private static boolean implementsInterface(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name) || implementsInterface(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lambda puts aws-lambda-java-core beside the function's code: the jar's own copy may or may not be there. */
    private static ClassLoader lambdaRuntime() {
        URL core = RequestStreamHandler.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {core}, ClassLoader.getPlatformClassLoader());
    }
}
