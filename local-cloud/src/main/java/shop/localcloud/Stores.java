package shop.localcloud;

import java.util.Collections;
import java.util.Map;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.Quotas;
import shop.localcloud.common.Throttles;
import shop.localcloud.common.UserError;
import shop.localcloud.lambda.SdkEndpoints;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.SesSendingQuota;
import shop.localparts.SesV2Local;
import shop.localparts.TemplateTables;
import shop.localparts.TransactionalDynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local stand-ins that hold the system's state, with the template's tables and queues created in them: SQS
 * (ElasticMQ), DynamoDB (dynalite behind its transactional front) and SES v2. {@code queueNames} maps each queue's
 * logical id to its name. With the quotas asking for it, SES is reached through its sending quota ({@code sesQuota},
 * else null) and each DynamoDB item takes a limited write rate.
 */
record Stores(LocalSqs sqs, TransactionalDynalite dynamoDb, SesV2Local ses, SesSendingQuota sesQuota, DynamoDbClient dynamo,
              Map<String, String> queueNames) {

    /** Starts DynamoDB and SES next to the already running {@code sqs} (the template's queue URLs name its port). */
    static Stores start(LocalSqs sqs, SystemSpec spec, Options options, Resources resources) {
        TransactionalDynalite dynamoDb;
        SesV2Local ses;
        try {
            dynamoDb = resources.closing(TransactionalDynalite.start());
            ses = resources.closing(SesV2Local.start());
        } catch (IllegalStateException e) {
            throw new UserError("a Node.js stand-in did not start: " + e.getMessage() + "; try `npm ci` in " + spec.root());
        }
        Quotas quotas = options.quotas();
        SesSendingQuota sesQuota = quotas.sesSendsPerSecond() > 0 || quotas.sesSendsPerDay() > 0
                ? resources.closing(SesSendingQuota.start(ses.endpoint(), quotas.sesSendsPerSecond(), quotas.sesSendsPerDay()))
                : null;
        dynamoDb.limitItemWrites(quotas.itemWriteUnitsPerSecond());
        DynamoDbClient dynamo = resources.closing(TemplateTables.localClient(dynamoDb.endpoint()));
        TemplateTables tables = new TemplateTables(options.template());
        spec.tables().forEach((logicalId, name) -> tables.create(dynamo, logicalId, name));
        Map<String, String> queueNames = sqs.createAll(spec.queues(), options.retryScale());
        return new Stores(sqs, dynamoDb, ses, sesQuota, dynamo, Collections.unmodifiableMap(queueNames));
    }

    /** Where SES v2 is served to its clients: behind the sending quota when one is enforced. */
    String sesEndpoint() {
        return sesQuota == null ? ses.endpoint() : sesQuota.endpoint();
    }

    /** SES and DynamoDB count their throttles themselves; {@code throttles} reads them from there. */
    void countThrottlesIn(Throttles throttles) {
        if (sesQuota != null) {
            throttles.countedBy(Throttles.SES, sesQuota::throttled);
        }
        throttles.countedBy(Throttles.DYNAMODB, dynamoDb::throttledWrites);
    }

    /** What the functions' SDKs are pointed at, with the bus served on {@code eventBridge}. */
    SdkEndpoints sdkEndpoints(String eventBridge) {
        return new SdkEndpoints(dynamoDb.endpoint(), eventBridge, sesEndpoint(), sqs.endpoint());
    }
}
