package shop.testsupport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client for a local endpoint that counts the calls it makes, per operation, with an SDK interceptor: what a
 * call budget test holds a handler to. Counts each call the code makes once, whatever it answered (SDK retries off).
 */
public final class DynamoDbCalls implements AutoCloseable {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    public DynamoDbCalls(String endpoint) {
        this.client = LocalAwsClients.at(DynamoDbClient.builder(), endpoint, c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), name -> new AtomicInteger())
                        .incrementAndGet();
            }
        }));
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The calls since the last reset, per operation name, sorted ({@code {GetItem=1, TransactWriteItems=1}}). */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach((operation, count) -> counts.put(operation, count.get()));
        return counts;
    }

    public int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void reset() {
        calls.clear();
    }

    @Override
    public void close() {
        client.close();
    }
}
