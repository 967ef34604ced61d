package shop.order.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import shop.platform.json.Json;

/** An HTTP API (payload format 2.0) response: status, headers and a JSON body. */
record ApiResponse(int statusCode, Map<String, String> headers, Object body) {

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    static ApiResponse problem(int status, Object problem) {
        return new ApiResponse(status, Map.of("Content-Type", "application/problem+json"), problem);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(statusCode, more, body);
    }

    byte[] toBytes() {
        ObjectNode response = Json.object();
        response.put("statusCode", statusCode);
        ObjectNode headerNode = response.putObject("headers");
        headers.forEach(headerNode::put);
        response.put("body", Json.string(body));
        response.put("isBase64Encoded", false);
        return Json.bytes(response);
    }
}
