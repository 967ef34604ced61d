package shop.localcloud;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.file.Path;
import shop.localparts.JarBuilder;

/** Builds a tiny shaded function jar (the fixtures' handlers + aws-lambda-java-core), like a service's artifact. */
public final class FunctionJars {

    private FunctionJars() {
    }

    public static Path fixtures(Path dir) {
        try (JarBuilder jar = JarBuilder.create(dir.resolve("fixtures.jar"))) {
            return jar.addFolder(JarBuilder.location(FunctionJars.class), "shop/localcloud/fixtures")
                    .addClassesOfJarWith(RequestStreamHandler.class)
                    .build();
        }
    }
}
