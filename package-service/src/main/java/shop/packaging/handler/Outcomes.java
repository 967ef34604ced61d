package shop.packaging.handler;

import shop.packaging.application.ParcelOutcome;
import shop.platform.json.Json;

/** The small JSON answer every package handler writes: {@code {"outcome": "..."}}. */
final class Outcomes {

    private Outcomes() {
    }

    static byte[] json(ParcelOutcome outcome) {
        return Json.bytes(Json.object().put("outcome", outcome.name()));
    }
}
