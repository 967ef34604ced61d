package shop.template;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shop.localparts.ProjectRoot;

/**
 * cfn-lint and AWS's SAM translator, the tools AWS users run before a deploy, run as child processes on a template:
 * the build judges template.yaml exactly as they do. Where they are not installed the tests that need them are
 * skipped with the pip command; CI ({@code .ci/run}) refuses to start without them.
 */
final class AwsTools {

    static final String INSTALL = "pip install cfn-lint aws-sam-translator (cfn-lint 1.51.0 and aws-sam-translator 1.110.0 "
            + "are the versions these tests were written against; .ci/run requires them, so CI never skips these tests)";
    static final Path OUTPUT = Path.of(System.getProperty("template.tests.aws-tools", "target/aws-tools")).toAbsolutePath();
    static final Path TRANSLATE_SCRIPT = ProjectRoot.find().resolve("template-tests/src/test/python/sam_translate.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Boolean installed;

    private AwsTools() {
    }

    /** One finding of cfn-lint: the rule, its level (Error, Warning, Informational), where and what. */
    record Finding(String rule, String level, String file, int line, String path, String message) {

        @Override
        public String toString() {
            return rule + " " + level + " " + file + ":" + line + " " + path + ": " + message;
        }
    }

    /** What cfn-lint said about one template, with the run for the assertion message. */
    record Lint(List<Finding> findings, ChildProcess run) {

        Lint {
            findings = List.copyOf(findings);
        }

        String report() {
            StringBuilder text = new StringBuilder(findings.size() + " finding(s):\n");
            findings.forEach(f -> text.append("  ").append(f).append('\n'));
            return text.append(run.report()).toString();
        }
    }

    /** Skips the calling test (a JUnit assumption) unless cfn-lint and the SAM translator can be run. */
    static void assumeInstalled() {
        if (installed == null) {
            Path logs = OUTPUT.resolve("probe");
            installed = ChildProcess.succeeds(List.of("cfn-lint", "--version"), logs, logs, "cfn-lint-version")
                    && ChildProcess.succeeds(List.of("python3", "-c", "import samtranslator"), logs, logs, "samtranslator-import");
        }
        assumeTrue(installed, "cfn-lint or the SAM translator is not installed: " + INSTALL);
    }

    /**
     * cfn-lint with errors, warnings and informational checks, as {@code cfn-lint --include-checks I -- file}. It runs in
     * an empty folder of its own, so no {@code .cfnlintrc} there can switch a check off: only the template's own
     * Metadata can.
     */
    static Lint cfnLint(Path template, String name) {
        Path workDir = OUTPUT.resolve("cwd-" + name);
        ChildProcess run = ChildProcess.run(List.of("cfn-lint", "--format", "json", "--include-checks", "I", "--",
                template.toAbsolutePath().toString()), workDir, OUTPUT, "cfn-lint-" + name, Duration.ofMinutes(3));
        List<Finding> findings = new ArrayList<>();
        try {
            JsonNode all = JSON.readTree(run.stdout().isBlank() ? "[]" : run.stdout());
            for (JsonNode f : all) {
                JsonNode location = f.path("Location");
                findings.add(new Finding(f.path("Rule").path("Id").asText(), f.path("Level").asText(), f.path("Filename").asText(),
                        location.path("Start").path("LineNumber").asInt(), String.valueOf(location.path("Path")), f.path("Message").asText()));
            }
        } catch (IOException notJson) {
            throw new AssertionError("cfn-lint did not answer JSON:\n" + run.report(), notJson);
        }
        // exit code: 0 nothing found, else a bit per level found (2 error, 4 warning, 8 informational); odd = cfn-lint failed
        if (run.exitCode() % 2 != 0 || (run.exitCode() != 0) == findings.isEmpty()) {
            throw new AssertionError("cfn-lint failed to lint " + template + ":\n" + run.report());
        }
        return new Lint(findings, run);
    }

    /** The CloudFormation template AWS would deploy: the SAM translator's output, with S3 URIs for the artifacts. */
    static Path samTranslate(Path template, String name) {
        Path output = OUTPUT.resolve(name + ".translated.json");
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new AssertionError("cannot remove the last run's " + output, e);
        }
        ChildProcess run = ChildProcess.run(List.of("python3", TRANSLATE_SCRIPT.toString(), template.toAbsolutePath().toString(),
                output.toString()), OUTPUT, OUTPUT, "sam-translate-" + name, Duration.ofMinutes(3));
        if (run.exitCode() != 0 || !Files.isRegularFile(output)) {
            throw new AssertionError("the SAM translator refused " + template + ":\n" + run.report());
        }
        return output;
    }
}
