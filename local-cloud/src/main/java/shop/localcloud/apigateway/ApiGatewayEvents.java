package shop.localcloud.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.localcloud.apigateway.HttpApi.Match;
import shop.localcloud.cloudformation.Model;

/** Builds the API Gateway HTTP API payload v2.0 event for a request, with the claims its authorizer passed on. */
public final class ApiGatewayEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    /** The API Gateway HTTP API payload v2.0 event for a request. */
    static ObjectNode event(HttpExchange exchange, String method, byte[] body, Match match, Optional<ObjectNode> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String query = exchange.getRequestURI().getRawQuery();
        return event(method, exchange.getRequestURI().getRawPath(), query, headers, body, match,
                exchange.getRemoteAddress().getAddress().getHostAddress(), claims);
    }

    static ObjectNode event(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body, Match match,
                            String sourceIp, Optional<ObjectNode> claims) {
        ObjectNode event = JSON.createObjectNode();
        String routeKey = match.route().routeKey();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        if (headers.containsKey("cookie")) {
            event.putArray("cookies").addAll(List.of(headers.get("cookie").split(";\\s*")).stream()
                    .map(JSON.getNodeFactory()::textNode).toList());
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((k, v) -> {
            if (!k.equals("cookie")) {
                headerNode.put(k, v);
            }
        });
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String key = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                parameters.put(key, parameters.has(key) ? parameters.get(key).asText() + "," + value : value);
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", Model.ACCOUNT);
        context.put("apiId", "local");
        claims.ifPresent(claimed -> {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", claimed);
            jwt.putNull("scopes");
        });
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("domainPrefix", headers.getOrDefault("host", "localhost").split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        if (body.length > 0) {
            Optional<String> text = isText(headers.get("content-type")) ? utf8(body) : Optional.empty();
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
            event.put("isBase64Encoded", text.isEmpty());
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("x-www-form-urlencoded")
                || type.contains("javascript");
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
