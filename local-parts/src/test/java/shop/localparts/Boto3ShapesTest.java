package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front's answers as boto3 reads them: botocore parses by AWS's published service model and drops what does not
 * fit it, so a misnamed field or a wrong shape shows up here as a missing value, independently of the Java SDK.
 */
class Boto3ShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void boto3_reads_transactions_cancellation_reasons_and_ttl_as_from_aws() throws Exception {
        assumeTrue(boto3Present(), "python3 with boto3 is needed (CI's .ci/run checks it)");
        Path script = dir.resolve("boto3_transactions.py");
        try (InputStream in = getClass().getResourceAsStream("boto3_transactions.py")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("parsed.json");
        try (TransactionalDynalite front = TransactionalDynalite.start()) {
            run(List.of("python3", script.toString(), front.endpoint(), out.toString()));
        }
        JsonNode parsed = JSON.readTree(out.toFile());

        assertEquals(200, parsed.path("success").asInt(), parsed.toString());
        assertEquals(JSON.readTree("""
                {"Code": "TransactionCanceledException",
                 "Message": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
                 "CancellationReasons": [
                   {"Code": "None"},
                   {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
                    "Item": {"pk": {"S": "stock"}, "available": {"N": "0"}}}]}"""), parsed.path("cancelled"));
        assertEquals(JSON.readTree("""
                [{"Item": {"pk": {"S": "stock"}, "available": {"N": "0"}}}, {}]"""), parsed.path("get"));
        assertEquals(JSON.readTree("""
                {"TimeToLiveStatus": "ENABLED", "AttributeName": "expiresAt"}"""), parsed.path("ttl"));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("python.log");
        Process process = ChildProcessLog.redirect(new ProcessBuilder(command), log).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the boto3 script did not finish within 120 s: " + ChildProcessLog.tail(log));
        }
        assertEquals(0, process.exitValue(), "the boto3 script failed: " + ChildProcessLog.tail(log));
    }

    private boolean boto3Present() {
        try {
            Path log = dir.resolve("import.log");
            Process process = ChildProcessLog.redirect(new ProcessBuilder("python3", "-c", "import boto3"), log).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
