package shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import shop.order.adapter.dynamodb.DynamoDbPriceList;
import shop.order.domain.Money;
import shop.order.domain.Sku;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.cfn.CustomResource;
import shop.platform.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seeds the price list from {@code seed/price-list.json} in this jar, as a CloudFormation custom resource at
 * deploy time (and at local-cloud's start). Writing the same prices again is harmless, so Update re-seeds.
 */
public final class SeedPriceListHandler implements RequestStreamHandler {

    private final DynamoDbPriceList priceList;

    public SeedPriceListHandler() {
        this(AwsClients.build(DynamoDbClient.builder()), Environment.required("PRICE_LIST_TABLE"));
    }

    public SeedPriceListHandler(DynamoDbClient dynamo, String table) {
        this.priceList = new DynamoDbPriceList(dynamo, table);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        CustomResource.handle(input, output, properties -> "wrote " + seed() + " price(s)");
    }

    /** Writes every price of the bundled seed file; returns how many. */
    public int seed() throws IOException {
        try (InputStream file = SeedPriceListHandler.class.getResourceAsStream("/seed/price-list.json")) {
            if (file == null) {
                throw new IOException("seed/price-list.json is missing from the jar");
            }
            JsonNode prices = Json.read(file);
            for (JsonNode price : prices) {
                priceList.put(new Sku(price.path("sku").asText()),
                        Money.of(price.path("price").asText(), price.path("currency").asText()), price.path("name").asText());
            }
            return prices.size();
        }
    }
}
