package shop.localcloud.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import shop.localcloud.cloudformation.Model.JwtAuthorizerSpec;
import shop.localcloud.common.UserError;

/**
 * Stands in for the template's identity provider: an RS256 key pair kept in the data folder (so {@code up} and
 * {@code token}, two processes, agree) that signs tokens shaped like a Cognito access token for the authorizer.
 */
public final class LocalIssuer {

    static final String KEY_ID = "local-cloud";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private LocalIssuer(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair under {@code dataDir/jwt}, made on first use. */
    public static LocalIssuer in(Path dataDir) {
        Path file = dataDir.resolve("jwt").resolve("local-issuer.pk8");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(file.getParent());
                Path partial = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID());
                Files.write(partial, pair.getPrivate().getEncoded());
                try {
                    Files.move(partial, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.delete(partial); // another process made it first: use theirs
                }
            }
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            return new LocalIssuer(key, rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
        } catch (IOException e) {
            throw new UserError("cannot keep the local token key in " + file.getParent() + ": " + e.getMessage() + "; pass --data <writable folder>");
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new UserError("the local token key " + file + " is unreadable (" + e.getMessage() + "); delete it and a new one is made");
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** A token the authorizer accepts for {@code customer}, valid for {@code lifetime}: iss, client_id, sub, iat, exp. */
    public String mint(JwtAuthorizerSpec authorizer, String customer, Duration lifetime) {
        if (authorizer.audience().isEmpty()) {
            throw new UserError("authorizer " + authorizer.name() + " has no audience; a token cannot be made for it");
        }
        Instant now = Instant.now();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", customer);
        claims.put("iss", authorizer.issuer());
        claims.put("client_id", authorizer.audience().get(0));
        claims.put("token_use", "access");
        claims.put("username", customer);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs any claims with RS256 under this issuer's key id (tests also use it to make tokens that must be refused). */
    public String sign(ObjectNode claims) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", KEY_ID);
        return sign(privateKey, header, claims);
    }

    static String sign(PrivateKey key, ObjectNode header, ObjectNode claims) {
        String signingInput = URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 is in every JDK", e);
        }
    }
}
