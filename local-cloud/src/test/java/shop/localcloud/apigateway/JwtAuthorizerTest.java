package shop.localcloud.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.TestSystem;
import shop.localcloud.cli.Main;

/**
 * The template's JWT authorizer, as API Gateway runs it: only a token signed by the issuer's key, for the right
 * issuer and audience and not expired, reaches the function; every other kind is a 401 and the function never runs.
 */
class JwtAuthorizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @TempDir
    static Path dir;
    static TestSystem system;
    static LocalIssuer issuer;

    @BeforeAll
    static void start() {
        system = new TestSystem(dir);
        issuer = LocalIssuer.in(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    private static ObjectNode claims(String audience, long expiresIn) {
        long now = Instant.now().getEpochSecond();
        return JSON.createObjectNode().put("sub", "mallory").put("iss", "https://issuer.example/test").put("client_id", audience)
                .put("iat", now - 60).put("exp", now + expiresIn);
    }

    private static String unsigned(String headerJson, ObjectNode claims) {
        return URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String signedByAnotherKey(ObjectNode claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey other = generator.generateKeyPair().getPrivate();
        String input = unsigned("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local-cloud\"}", claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(other);
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + URL.encodeToString(rs256.sign());
    }

    private static HttpResponse<String> post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.cloud.httpUrl() + "/hello"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(String authorization, String why) throws Exception {
        long invocationsBefore = system.flowLinesContaining("POST /hello -> HelloFunction");
        HttpResponse<String> response = post(authorization);

        assertEquals(401, response.statusCode(), why);
        assertEquals("{\"message\":\"Unauthorized\"}", response.body(), why);
        assertTrue(response.headers().firstValue("www-authenticate").orElse("").contains("error=\"invalid_token\""), why);
        assertEquals(invocationsBefore, system.flowLinesContaining("POST /hello -> HelloFunction"), why + ": the function must not run");
        assertTrue(system.flowLinesContaining("POST /hello -> 401 by authorizer TestJwt") > 0, why);
    }

    @Test
    void a_minted_token_reaches_the_function_with_its_claims() throws Exception {
        HttpResponse<String> response = post("Bearer " + system.cloud.token("alice"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("alice", JSON.readTree(response.body()).path("hello").path("requestContext").path("authorizer").path("jwt")
                .path("claims").path("sub").asText());
    }

    @Test
    void no_token_and_garbage_are_refused() throws Exception {
        assertRefused(null, "no Authorization header");
        assertRefused("Bearer ....", "dots");
        assertRefused("Bearer alice", "a bare customer id");
        assertRefused("Bearer " + unsigned("{\"alg\":\"RS256\"}", claims("test-client", 3600)) + ".not-base64-!", "a broken signature");
    }

    @Test
    void alg_none_is_refused() throws Exception {
        assertRefused("Bearer " + unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims("test-client", 3600)) + ".", "alg none");
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        assertRefused("Bearer " + issuer.sign(claims("test-client", -5)), "expired");
    }

    @Test
    void a_token_without_an_expiry_or_with_one_that_is_no_number_is_refused() throws Exception {
        ObjectNode forever = claims("test-client", 3600);
        forever.remove("exp");
        assertRefused("Bearer " + issuer.sign(forever), "no exp: API Gateway requires one");
        assertRefused("Bearer " + issuer.sign(claims("test-client", 3600).put("exp", "never")), "exp not a number");
    }

    @Test
    void a_token_for_another_audience_or_issuer_is_refused() throws Exception {
        assertRefused("Bearer " + issuer.sign(claims("some-other-client", 3600)), "wrong client_id");
        assertRefused("Bearer " + issuer.sign(claims("test-client", 3600).put("aud", "some-other-client")), "aud wins over client_id");
        assertRefused("Bearer " + issuer.sign(claims("test-client", 3600).put("iss", "https://evil.example")), "wrong issuer");
    }

    @Test
    void a_token_signed_by_another_key_is_refused() throws Exception {
        assertRefused("Bearer " + signedByAnotherKey(claims("test-client", 3600)), "wrongly signed");
    }

    @Test
    void the_token_command_prints_a_token_the_running_system_accepts() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"token", "dave", "--template", dir.resolve("template.yaml").toString(), "--data",
                dir.resolve("data").toString()}, new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(0, code);
        HttpResponse<String> response = post("Bearer " + out.toString(StandardCharsets.UTF_8).trim());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("dave", JSON.readTree(response.body()).path("hello").path("requestContext").path("authorizer").path("jwt")
                .path("claims").path("sub").asText());
    }
}
