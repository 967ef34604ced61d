package shop.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cfn-lint checks a template switches off, resource by resource ({@code Metadata: cfn-lint: config: ignore_checks}),
 * each with the YAML comment that says why. An ignore without a reason, or one for the whole template, is a finding
 * hidden from the next reader: {@link #unexplained} lists them.
 */
record LintIgnores(List<Ignore> ignores) {

    /** One resource's ignored checks and the comment written on them (blank when there is none). */
    record Ignore(String resource, List<String> checks, String reason) {

        Ignore {
            checks = List.copyOf(checks);
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    LintIgnores {
        ignores = List.copyOf(ignores);
    }

    /** Reads the ignores from the parsed template and their comments from its text. */
    static LintIgnores of(Template template, String text) {
        List<String> lines = text.lines().toList();
        List<Ignore> found = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            List<String> checks = checks(resource.get("Metadata")).stream().map(String::valueOf).toList();
            if (!checks.isEmpty()) {
                found.add(new Ignore(id, checks, reason(lines, id)));
            }
        });
        return new LintIgnores(found);
    }

    /** What is wrong: template-wide ignores, and resource ignores whose comment does not name each check and say why. */
    static List<String> unexplained(Template template, String text) {
        List<String> problems = new ArrayList<>();
        if (!checks(template.root.get("Metadata")).isEmpty()) {
            problems.add("Metadata.cfn-lint at the top switches checks off for every resource: ignore per resource, with a reason");
        }
        for (Ignore ignore : of(template, text).ignores()) {
            for (String check : ignore.checks()) {
                if (!ignore.reason().contains(check)) {
                    problems.add(ignore.resource() + ": ignores " + check + " without a comment naming it (a '#' line right "
                            + "above 'cfn-lint:' that says why); comment found: '" + ignore.reason() + "'");
                }
            }
            if (WORD.matcher(ignore.reason()).results().count() < 8) {
                problems.add(ignore.resource() + ": the reason for ignoring " + ignore.checks() + " is too short to say why: '"
                        + ignore.reason() + "'");
            }
        }
        return problems;
    }

    private static List<Object> checks(Object metadata) {
        Map<String, Object> config = Template.map(Template.map(Template.map(metadata).get("cfn-lint")).get("config"));
        return Template.list(config.get("ignore_checks"));
    }

    /** The whole-line comments right above the resource's {@code cfn-lint:} line, and comments on that line. */
    private static String reason(List<String> lines, String resource) {
        int start = -1;
        Pattern header = Pattern.compile("^  " + Pattern.quote(resource) + ":\\s*(#.*)?$");
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (header.matcher(lines.get(i)).matches()) {
                start = i;
            }
        }
        if (start < 0) {
            return "";
        }
        for (int i = start + 1; i < lines.size() && !lines.get(i).matches("^ {0,2}\\S.*"); i++) {
            Matcher cfnLint = Pattern.compile("^\\s+cfn-lint:(.*)$").matcher(lines.get(i));
            if (cfnLint.matches()) {
                List<String> comment = new ArrayList<>();
                for (int j = i - 1; j > start && lines.get(j).trim().startsWith("#"); j--) {
                    comment.add(0, lines.get(j).trim().substring(1).trim());
                }
                int hash = cfnLint.group(1).indexOf('#');
                if (hash >= 0) {
                    comment.add(cfnLint.group(1).substring(hash + 1).trim());
                }
                return String.join(" ", comment);
            }
        }
        return "";
    }
}
