package shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Surefire's {@code failIfNoTests} counts a skipped test as run, so a module whose every test is skipped (a tool missing,
 * an assumption false) would pass. This listener, found by the JUnit Platform in every module that uses test-support,
 * writes the file named by {@code shop.nothingRanMarker} when a module's tests were all skipped or aborted, and the
 * root pom's enforcer fails the build on that file. Off where {@code shop.failIfEveryTestSkipped} is false (it follows
 * {@code shop.failIfNoTests}, set false to run one focused test across the reactor).
 */
public final class NothingRanCheck implements TestExecutionListener {

    private static int ran;
    private static int skipped;
    private static final List<String> reasons = new ArrayList<>();
    private static boolean markerCleared;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        marker().ifPresent(file -> {
            synchronized (NothingRanCheck.class) {
                if (!markerCleared) {
                    delete(file);
                    markerCleared = true;
                }
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        record(false, identifier.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                record(false, identifier.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
            }
            return;
        }
        record(result.getStatus() != TestExecutionResult.Status.ABORTED,
                identifier.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        marker().ifPresent(file -> {
            synchronized (NothingRanCheck.class) {
                if (ran == 0 && skipped > 0) {
                    write(file, "Every test of this module was skipped (" + skipped + "); a build that runs none must not pass:\n  "
                            + String.join("\n  ", reasons) + "\n");
                } else {
                    delete(file);
                }
            }
        });
    }

    private static synchronized void record(boolean executed, String reason) {
        if (executed) {
            ran++;
        } else {
            skipped++;
            reasons.add(reason);
        }
    }

    private static java.util.Optional<Path> marker() {
        String path = System.getProperty("shop.nothingRanMarker", "");
        boolean on = Boolean.parseBoolean(System.getProperty("shop.failIfEveryTestSkipped", "false"));
        return on && !path.isBlank() ? java.util.Optional.of(Path.of(path)) : java.util.Optional.empty();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
