package shop.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The real AWS SDK clients and the AWS CLI, pointed at a local-cloud endpoint with fake credentials, as a user would. */
public final class AwsClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsClients() {
    }

    /** Any SDK v2 client at {@code endpoint}: {@code AwsClients.at(LambdaClient.builder(), cloud.edgeEndpoint())}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(B builder, String endpoint) {
        return builder.endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
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
