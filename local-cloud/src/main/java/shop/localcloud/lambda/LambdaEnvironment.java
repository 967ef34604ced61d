package shop.localcloud.lambda;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.common.UserError;
import shop.localparts.LambdaLayer;

/**
 * What a function's JVM gets, as in Lambda: the template's environment, the reserved Lambda variables, fake
 * credentials, and the standard SDK endpoint variables pointing at the local parts. Nothing else of the caller's
 * environment leaks in (no real AWS profile or keys).
 */
public final class LambdaEnvironment {

    private LambdaEnvironment() {
    }

    public static Map<String, String> of(FunctionSpec spec, Map<String, String> endpoints, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.putAll(spec.environment());
        env.put("AWS_REGION", Model.REGION);
        env.put("AWS_DEFAULT_REGION", Model.REGION);
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + spec.logicalId());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", spec.handler());
        endpoints.forEach((service, url) -> env.put("AWS_ENDPOINT_URL_" + service, url));
        return env;
    }

    public static List<String> command(FunctionSpec spec, Path logs) {
        StringBuilder classpath = new StringBuilder(spec.artifact().toString());
        spec.layers().forEach(layer -> classpath.append(File.pathSeparator).append(layerLibraries(layer)).append(File.separator).append('*'));
        classpath.append(File.pathSeparator).append(ricClasspath());
        List<String> command = new java.util.ArrayList<>(FunctionInstance.command(javaBinary(), classpath.toString(), spec.memoryMb(), spec.handler()));
        // The RIC unpacks its native client to one fixed file, /tmp/.libaws-lambda-jni.so: JVMs starting together
        // overwrite it under each other (SIGBUS). In Lambda one runtime owns /tmp; here each JVM loads a shared copy.
        command.add(1, "-D" + JNI_PROPERTY + "=" + nativeClient());
        command.add(1, "-XX:ErrorFile=" + logs.resolve(spec.logicalId() + "-hs_err_pid%p.log"));
        return command;
    }

    /** The layer's java/lib folder, as /opt/java/lib in Lambda (see {@link LambdaLayer}); a missing or broken zip is a one-line error. */
    private static Path layerLibraries(Path layer) {
        try {
            return LambdaLayer.libraries(layer);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
    }

    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** The RIC's native client for this machine, unpacked once next to the RIC jars. */
    static synchronized Path nativeClient() {
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        String name = "libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + arch + ".so";
        Path target = ricDirectory().resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String ric = java.util.Arrays.stream(ricClasspath().split(File.pathSeparator))
                .filter(p -> p.contains("runtime-interface-client")).findFirst().orElseThrow();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(ric)) {
            java.util.jar.JarEntry entry = jar.getJarEntry("jni/" + name);
            if (entry == null) {
                throw new UserError("the Lambda Runtime Interface Client has no native client for this machine (" + name + ")");
            }
            Path temporary = Files.createTempFile(ricDirectory(), name, ".part");
            try (java.io.InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UserError("cannot unpack the RIC's native client to " + target + ": " + e.getMessage());
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Runtime Interface Client jars that the build copies to {@code local-cloud/target/ric}. */
    static String ricClasspath() {
        Path dir = ricDirectory();
        try (Stream<Path> jars = Files.list(dir)) {
            List<String> paths = jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
            if (paths.stream().noneMatch(p -> p.contains("runtime-interface-client"))) {
                throw new UserError("the Lambda Runtime Interface Client is missing from " + dir
                        + "; run mvn -B -DskipTests install -pl local-cloud");
            }
            return String.join(File.pathSeparator, paths);
        } catch (IOException e) {
            throw new UserError("the Lambda Runtime Interface Client is missing (" + dir + "); run mvn -B -DskipTests install -pl local-cloud");
        }
    }

    private static Path ricDirectory() {
        String configured = System.getProperty("shop.localcloud.ric");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(LambdaEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("ric"); // target/classes -> target/ric, target/local-cloud.jar -> target/ric
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
