package shop.localcloud.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.FunctionSpec;

/** A template function as Lambda's API describes it (FunctionConfiguration): only what the template and its jar say. */
final class FunctionConfigurations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private FunctionConfigurations() {
    }

    static String arn(String functionName) {
        return "arn:aws:lambda:" + Model.REGION + ":" + Model.ACCOUNT + ":function:" + functionName;
    }

    static ObjectNode of(FunctionSpec spec) {
        ObjectNode config = JSON.createObjectNode();
        config.put("FunctionName", spec.logicalId());
        config.put("FunctionArn", spec.arn());
        if (spec.described().runtime() != null) {
            config.put("Runtime", spec.described().runtime());
        }
        config.put("Handler", spec.handler());
        if (spec.described().description() != null) {
            config.put("Description", spec.described().description());
        }
        config.put("Timeout", spec.timeoutSeconds());
        config.put("MemorySize", spec.memoryMb());
        config.put("Version", "$LATEST");
        config.put("PackageType", "Zip");
        config.put("State", "Active");
        config.put("LastUpdateStatus", "Successful");
        Path jar = spec.artifact();
        try {
            config.put("CodeSize", Files.size(jar));
            config.put("LastModified", LAST_MODIFIED.format(Files.getLastModifiedTime(jar).toInstant()));
            config.put("CodeSha256", sha256(jar));
        } catch (IOException e) {
            config.put("State", "Failed");
            config.put("StateReason", "the artifact " + jar + " cannot be read: " + e.getMessage());
        }
        ObjectNode environment = config.putObject("Environment").putObject("Variables");
        spec.environment().forEach(environment::put);
        var layers = config.putArray("Layers");
        spec.described().layerArns().forEach(arn -> layers.addObject().put("Arn", arn));
        var architectures = config.putArray("Architectures");
        spec.described().architectures().forEach(architectures::add);
        return config;
    }

    /** Base64 of the artifact's SHA-256, as Lambda's CodeSha256. */
    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return Base64.getEncoder().encodeToString(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
