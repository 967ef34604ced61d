package shop.packaging.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import shop.packaging.application.ParcelOutcome;
import shop.platform.json.Json;

/** The small JSON answer every package handler writes: {@code {"outcome": "..."}}. */
final class Outcomes {

    private Outcomes() {
    }

    static byte[] json(ParcelOutcome outcome) {
        try {
            return Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().put("outcome", outcome.name()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
