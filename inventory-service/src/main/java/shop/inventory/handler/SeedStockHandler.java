package shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import shop.inventory.application.SeedStock;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
import shop.platform.cfn.CustomResource;
import shop.platform.json.Json;

/**
 * The {@code StockSeed} custom resource: writes the stock bundled in {@code seed/stock.json} on deploy (and at
 * local-cloud start-up). Skus already in the table keep their stock, so a redeploy never undoes reservations.
 */
public final class SeedStockHandler implements RequestStreamHandler {

    static final String SEED = "/seed/stock.json";

    private final SeedStock seedStock;

    public SeedStockHandler() {
        this(Wiring.seedStock());
    }

    public SeedStockHandler(SeedStock seedStock) {
        this.seedStock = seedStock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        CustomResource.handle(input, output, properties -> {
            SeedStock.Seeded seeded = seedStock.handle(bundledStock());
            return "wrote " + seeded.written() + " skus, kept " + seeded.kept() + " existing";
        });
    }

    static List<StockLevel> bundledStock() {
        try (InputStream in = SeedStockHandler.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is not in the jar");
            }
            List<StockLevel> levels = new ArrayList<>();
            for (JsonNode entry : Json.read(in).path("stock")) {
                levels.add(new StockLevel(new Sku(entry.path("sku").asText()), entry.path("available").asInt(-1)));
            }
            return levels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
