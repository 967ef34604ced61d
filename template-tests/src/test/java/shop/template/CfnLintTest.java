package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.template.AwsTools.Finding;
import shop.template.AwsTools.Lint;

/**
 * template.yaml judged by the tools AWS users run before a deploy: cfn-lint (errors, warnings and informational
 * checks) on the SAM template, and on the CloudFormation the SAM translator makes of it. Any finding fails the build,
 * unless the template ignores that check on that resource with a comment that says why. Every resource is checked,
 * so a resource added tomorrow is too. Only the tests that run the tools are skipped without them (.ci/run requires
 * them); the two that read template.yaml alone always run.
 */
class CfnLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void cfn_lint_finds_no_error_warning_or_informational_finding_in_the_template() {
        AwsTools.assumeInstalled();
        Lint lint = AwsTools.cfnLint(Template.FILE, "template");

        assertTrue(lint.findings().isEmpty(), lint.report());
    }

    @Test
    void the_SAM_translator_accepts_the_template_and_cfn_lint_finds_nothing_in_what_AWS_would_deploy() throws IOException {
        AwsTools.assumeInstalled();
        Path translated = AwsTools.samTranslate(Template.FILE, "template");

        JsonNode resources = JSON.readTree(translated.toFile()).path("Resources");
        Template template = Template.load();
        template.resources().forEach((id, resource) -> {
            String type = String.valueOf(resource.get("Type"));
            if (type.equals("AWS::Serverless::Function")) {
                assertEquals("AWS::Lambda::Function", resources.path(id).path("Type").asText(), id + " did not become a Lambda function");
            } else if (!type.startsWith("AWS::Serverless::")) {
                assertEquals(type, resources.path(id).path("Type").asText(), id + " is not in the translated template as it is");
            }
        });
        Lint lint = AwsTools.cfnLint(translated, "translated");
        assertTrue(lint.findings().isEmpty(), lint.report());
    }

    @Test
    void every_ignored_check_is_on_one_resource_with_a_comment_that_names_it_and_says_why() throws IOException {
        String text = Files.readString(Template.FILE);
        Template template = Template.parse(text);

        assertEquals(List.of(), LintIgnores.unexplained(template, text));
        assertFalse(Files.exists(Template.FILE.resolveSibling(".cfnlintrc")) || Files.exists(Template.FILE.resolveSibling(".cfnlintrc.yaml"))
                || Files.exists(Template.FILE.resolveSibling(".cfnlintrc.yml")), "a .cfnlintrc would switch checks off for every resource");
    }

    @Test
    void a_planted_unknown_runtime_fails_the_template_check_and_the_translated_check(@TempDir Path dir) throws IOException {
        AwsTools.assumeInstalled();
        String runtime = Pattern.compile("Runtime: java\\d+").matcher(Files.readString(Template.FILE)).results()
                .map(MatchResult::group).findFirst().orElseThrow(() -> new AssertionError("no Java runtime in template.yaml"));
        Path planted = plant(dir, runtime, "Runtime: java99");
        Predicate<Finding> java99 = f -> f.rule().equals("E3030") && f.message().startsWith("'java99'");

        Lint direct = AwsTools.cfnLint(planted, "planted-runtime");
        Lint translated = AwsTools.cfnLint(AwsTools.samTranslate(planted, "planted-runtime"), "planted-runtime-translated");

        assertTrue(direct.findings().stream().anyMatch(java99), direct.report());
        assertTrue(translated.findings().stream().anyMatch(java99), translated.report());
    }

    @Test
    void a_planted_table_without_deletion_policies_is_an_informational_finding(@TempDir Path dir) throws IOException {
        AwsTools.assumeInstalled();
        String table = Template.load().ofType("AWS::DynamoDB::Table").keySet().iterator().next();
        Path planted = plant(dir, "  " + table + ":\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n",
                "  " + table + ":\n    Type: AWS::DynamoDB::Table\n");

        Lint lint = AwsTools.cfnLint(planted, "planted-table");

        List<String> onTheTable = lint.findings().stream().filter(f -> f.path().contains("\"" + table + "\"")).map(Finding::rule).toList();
        assertEquals(List.of("I3011", "I3011"), onTheTable, lint.report()); // one for DeletionPolicy, one for UpdateReplacePolicy
    }

    @Test
    void a_planted_ignore_without_its_reason_is_refused() throws IOException {
        String text = Files.readString(Template.FILE);
        String planted = text.replaceFirst("(?m)(?:^ *#.*\\n)+(^ *cfn-lint:)", "$1");
        Template template = Template.parse(planted);

        List<String> problems = LintIgnores.unexplained(template, planted);

        assertTrue(!planted.equals(text) && !problems.isEmpty(), "the ignore whose comment was removed went unnoticed: " + problems);
        String templateWide = text.replaceFirst("(?m)^Parameters:$",
                "Metadata:\n  # I3011 everywhere: a reason, but for every resource at once\n  cfn-lint: { config: { ignore_checks: [I3011] } }\n\nParameters:");
        assertTrue(LintIgnores.unexplained(Template.parse(templateWide), templateWide).stream().anyMatch(p -> p.contains("every resource")),
                "a template-wide ignore went unnoticed");
    }

    private static Path plant(Path dir, String original, String replacement) throws IOException {
        String text = Files.readString(Template.FILE);
        assertTrue(text.contains(original), "template.yaml no longer has '" + original + "' to plant an error in");
        Path planted = dir.resolve("template.yaml");
        Files.writeString(planted, text.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(replacement)));
        return planted;
    }
}
