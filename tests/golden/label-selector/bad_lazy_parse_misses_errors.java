// BUG: requirements are parsed lazily while matching, so a malformed one after a failing one is never seen.
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

    private final List<String> parts;

    private LabelSelector(List<String> parts) {
        this.parts = parts;
    }

    static LabelSelector parse(String selector) {
        if (selector.isBlank()) return new LabelSelector(List.of());
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
        LabelSelector result = new LabelSelector(parts);
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
        for (String part : parts) if (!requirement(part).test(labels)) return false;  // parsed as it goes
        return true;
    }
}
