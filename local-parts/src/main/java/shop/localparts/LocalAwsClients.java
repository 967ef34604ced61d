package shop.localparts;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The one way a local SDK client is built, by the tests and by the local parts that hand one out: static fake
 * credentials (nothing built here can reach AWS), eu-west-1, the URL-connection HTTP client, and no SDK retries unless
 * asked, so a failure a test injects reaches the code under test (whose own retries are the subject) instead of being
 * retried away by the SDK. In local-parts, not test-support, because local-parts' own tests need it too.
 */
public final class LocalAwsClients {

    public static final Region REGION = Region.EU_WEST_1;

    private LocalAwsClients() {
    }

    /** A client at {@code endpoint} that makes each call once: {@code at(EventBridgeClient.builder(), bus.endpoint())}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(B builder, String endpoint) {
        return at(builder, endpoint, configuration -> { });
    }

    /** The same, with more of the client's configuration (an interceptor that counts calls, a retry strategy of its own). */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(B builder, String endpoint,
            Consumer<ClientOverrideConfiguration.Builder> more) {
        return local(builder, endpoint).overrideConfiguration(configuration -> {
            configuration.retryStrategy(AwsRetryStrategy.doNotRetry());
            more.accept(configuration); // may set a retry strategy of its own, which replaces this one
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
