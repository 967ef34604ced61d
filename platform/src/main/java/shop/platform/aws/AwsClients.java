package shop.platform.aws;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Configures every SDK client the same way, once, at init: the URL-connection HTTP client (the lightest to
 * load), region and credentials straight from the Lambda environment (no provider-chain probing). Endpoints
 * are not set here: the SDK reads {@code AWS_ENDPOINT_URL[_SERVICE]} by itself, so local runs need no code path.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder) {
        return builder
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(Environment.required("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .build();
    }
}
