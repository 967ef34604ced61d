package shop.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, pointed at a local-cloud endpoint with fake credentials, as a user would run it (SDK clients come from
 * test-support's {@code LocalAwsClients}).
 */
public final class AwsClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsClients() {
    }

    /** What one {@code aws} command printed and how it ended. */
    public record CliResult(int exitCode, String stdout, String stderr) {

        public JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("aws printed no JSON: " + stdout + " / " + stderr, e);
            }
        }
    }

    /** True when the AWS CLI is on the PATH (tests that use it are skipped otherwise). */
    public static boolean cliPresent() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "aws"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code aws <args>} with only AWS_ENDPOINT_URL (and fake credentials) pointing it at {@code endpoint}. */
    public static CliResult cli(String endpoint, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--output", "json"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "aws", ".out");
        Path err = Files.createTempFile(workDir, "aws", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.putAll(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_DEFAULT_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", ""));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
