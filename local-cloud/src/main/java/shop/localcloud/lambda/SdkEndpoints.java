package shop.localcloud.lambda;

import java.util.Map;

/**
 * Where a function's AWS SDK calls go: the local parts it may reach, handed to its JVM as the standard
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variables, which the SDK honours by itself (no local-only code in the functions).
 */
public record SdkEndpoints(String dynamoDb, String eventBridge, String sesV2, String sqs) {

    /** By the service part of the variable's name: {@code DYNAMODB}, {@code EVENTBRIDGE}, {@code SESV2}, {@code SQS}. */
    public Map<String, String> byService() {
        return Map.of("DYNAMODB", dynamoDb, "EVENTBRIDGE", eventBridge, "SESV2", sesV2, "SQS", sqs);
    }
}
