// BUG: a blank selector is not treated as empty: '  ' is parsed as one (missing) requirement and rejected.
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class LabelSelector {
    private static final String NAME = "[A-Za-z0-9._/-]+";
    private static final Pattern SET = Pattern.compile("\\s*(" + NAME + ")\\s+(in|notin)\\s*\\(([^()]*)\\)\\s*");
    private static final Pattern EQ = Pattern.compile("\\s*(" + NAME + ")\\s*(==|=|!=)\\s*(" + NAME + ")\\s*");
    private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*(" + NAME + ")\\s*");
    private static final Pattern VALUE = Pattern.compile("\\s*(" + NAME + ")\\s*");

    private final List<Predicate<Map<String, String>>> checks = new ArrayList<>();

    static LabelSelector parse(String selector) {

        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (depth < 0 || depth > 1) throw new IllegalArgumentException("unbalanced parentheses: " + selector);
            if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced parentheses: " + selector);
        parts.add(selector.substring(start));
        LabelSelector result = new LabelSelector();
        for (String part : parts) result.checks.add(requirement(part));
        return result;
    }

    private static Predicate<Map<String, String>> requirement(String part) {

        Matcher m = SET.matcher(part);
        if (m.matches()) {
            String key = m.group(1);
            Set<String> values = new HashSet<>();
            for (String v : m.group(3).split(",", -1)) {
                Matcher value = VALUE.matcher(v);
                if (!value.matches()) throw new IllegalArgumentException("bad value in: " + part);
                values.add(value.group(1));
            }
            if (m.group(2).equals("in")) return labels -> labels.containsKey(key) && values.contains(labels.get(key));
            return labels -> !labels.containsKey(key) || !values.contains(labels.get(key));
        }
        m = EQ.matcher(part);
        if (m.matches()) {
            String key = m.group(1);
            String value = m.group(3);
            if (m.group(2).equals("!=")) return labels -> !value.equals(labels.get(key));
            return labels -> value.equals(labels.get(key));
        }
        m = EXISTS.matcher(part);
        if (m.matches()) {
            String key = m.group(2);
            boolean negated = !m.group(1).isEmpty();
            return labels -> labels.containsKey(key) != negated;
        }
        throw new IllegalArgumentException("malformed requirement: '" + part + "'");
    }

    boolean matches(Map<String, String> labels) {
        for (Predicate<Map<String, String>> check : checks) if (!check.test(labels)) return false;
        return true;
    }
}
