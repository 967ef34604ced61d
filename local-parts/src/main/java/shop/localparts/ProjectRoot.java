package shop.localparts;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (where package.json and template.yaml live) from any module's working directory. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("shop.projectRoot");
        if (configured != null && !configured.isBlank() && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a folder with package.json and pom.xml) above "
                + Path.of("").toAbsolutePath() + "; run from inside the repository");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("package.json")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }
}
