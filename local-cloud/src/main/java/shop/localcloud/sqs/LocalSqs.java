package shop.localcloud.sqs;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.common.UserError;
import shop.localparts.FreePort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Amazon SQS on loopback (ElasticMQ, embedded), so the AWS SDK and CLI read the dead-letter queues as in AWS:
 * {@code aws sqs receive-message --endpoint-url <endpoint> --queue-url <url>}.
 */
public final class LocalSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = client(endpoint());
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static LocalSqs start(int port) {
        int chosen = port == 0 ? FreePort.find() : port;
        if (FreePort.isListening(chosen)) {
            throw new UserError("port " + chosen + " (SQS) is in use; stop what runs there or pass --sqs-port <free port>");
        }
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(chosen)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                .withAWSRegion(Model.REGION).withAWSAccountId(Model.ACCOUNT).start();
        server.waitUntilStarted();
        return new LocalSqs(server, chosen);
    }

    public static SqsClient client(String endpoint) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(Model.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    public String createQueue(String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    /**
     * Creates the template's queues, each after the queue it redrives to (SQS refuses a redrive policy naming a queue
     * that does not exist), with its visibility timeout times {@code retryScale} (at least 1 s), its retention and its
     * redrive policy; answers each queue's name by logical id, in template order.
     */
    public Map<String, String> createAll(List<QueueSpec> queues, double retryScale) {
        Map<String, QueueSpec> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        Set<String> created = new HashSet<>();
        for (QueueSpec queue : queues) {
            create(queue, byId, created, retryScale, new HashSet<>());
        }
        Map<String, String> names = new LinkedHashMap<>();
        queues.forEach(q -> names.put(q.logicalId(), q.name()));
        return names;
    }

    private void create(QueueSpec queue, Map<String, QueueSpec> byId, Set<String> created, double retryScale, Set<String> visiting) {
        if (created.contains(queue.logicalId())) {
            return;
        }
        if (!visiting.add(queue.logicalId())) {
            throw new UserError("template.yaml: the redrive policies of " + visiting + " go round in a circle");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("VisibilityTimeout", String.valueOf(scaledSeconds(queue.visibilityTimeoutSeconds(), retryScale)));
        attributes.put("MessageRetentionPeriod", String.valueOf(queue.messageRetentionSeconds()));
        if (queue.deadLetterQueue() != null) {
            QueueSpec deadLetters = byId.get(queue.deadLetterQueue());
            create(deadLetters, byId, created, retryScale, visiting);
            attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\",\"maxReceiveCount\":"
                    + queue.maxReceiveCount() + "}");
        }
        client.createQueue(b -> b.queueName(queue.name()).attributesWithStrings(attributes));
        created.add(queue.logicalId());
    }

    /** A visibility timeout as it runs here: AWS's seconds times the retry scale, at least 1 s (0 stays 0). */
    public static int scaledSeconds(int seconds, double retryScale) {
        return seconds == 0 ? 0 : (int) Math.max(1, Math.round(seconds * retryScale));
    }

    public String queueUrl(String name) {
        return endpoint() + "/" + Model.ACCOUNT + "/" + name;
    }

    public void send(String queueName, String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new java.util.LinkedHashMap<>();
        attributes.forEach((k, v) -> values.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        client.sendMessage(b -> b.queueUrl(queueUrl(queueName)).messageBody(body).messageAttributes(values));
    }

    int approximateMessages(String queueName) {
        return Integer.parseInt(client.getQueueAttributes(b -> b.queueUrl(queueUrl(queueName))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .getOrDefault("ApproximateNumberOfMessages", "0"));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
