package shop.testsupport;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The one way a test builds an SDK client for a local endpoint: static fake credentials (nothing built here can reach
 * AWS), eu-west-1, the URL-connection HTTP client, and no SDK retries unless asked, so a failure the test injects
 * reaches the code under test (whose own retries are the subject) instead of being retried away by the SDK.
 */
public final class LocalAwsClients {

    public static final Region REGION = Region.EU_WEST_1;

    private LocalAwsClients() {
    }

    /** A client at {@code endpoint} that makes each call once: {@code LocalAwsClients.at(EventBridgeClient.builder(), bus.endpoint())}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(B builder, String endpoint) {
        return at(builder, endpoint, configuration -> { });
    }

    /** The same, with more of the client's configuration (an interceptor that counts calls, say). */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(B builder, String endpoint,
            Consumer<ClientOverrideConfiguration.Builder> more) {
        return local(builder, endpoint).overrideConfiguration(configuration -> {
            configuration.retryStrategy(retries -> retries.maxAttempts(1));
            more.accept(configuration);
        }).build();
    }

    /**
     * A client at {@code endpoint} with the SDK's default retries, as an application's client has them: for a test that
     * drives a whole local system, or a service the code under test calls with the SDK's retries in production.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C retrying(B builder, String endpoint) {
        return local(builder, endpoint).build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B local(B builder, String endpoint) {
        return builder.endpointOverride(URI.create(endpoint)).region(REGION).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
}
