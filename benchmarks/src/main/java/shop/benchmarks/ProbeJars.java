package shop.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.file.Path;
import shop.benchmarks.hello.HelloHandler;
import shop.benchmarks.probe.SdkTimingInterceptor;
import shop.benchmarks.probe.SnapStartSimulation;
import shop.localparts.JarBuilder;

/** Builds, at run time, the two jars the harness adds: the hello-world floor function and the SDK timing probe. */
final class ProbeJars {

    private ProbeJars() {
    }

    /** A shaded function jar like the services' (handler + aws-lambda-java-core), with nothing else in it. */
    static Path hello(Path dir) {
        try (JarBuilder jar = JarBuilder.create(dir.resolve("hello.jar"))) {
            return jar.addClass(HelloHandler.class).addClassesOfJarWith(RequestStreamHandler.class).build();
        }
    }

    /** The SDK interceptor plus the resource that makes every SDK client load it (SDK "global interceptors"). */
    static Path sdkTiming(Path dir) {
        try (JarBuilder jar = JarBuilder.create(dir.resolve("sdk-timing-probe.jar"))) {
            return jar.addClass(SdkTimingInterceptor.class)
                    .addClass(SnapStartSimulation.class)
                    .addText("software/amazon/awssdk/global/handlers/execution.interceptors", SdkTimingInterceptor.class.getName() + "\n")
                    .build();
        }
    }
}
