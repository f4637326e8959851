// Reference solution for label-selector: tokenize, parse the whole selector into requirements, then evaluate.
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class LabelSelector {
    private enum Op { EXISTS, NOT_EXISTS, EQUALS, NOT_EQUALS, IN, NOT_IN }

    private record Requirement(Op op, String key, Set<String> values) {
        boolean holds(Map<String, String> labels) {
            String value = labels.get(key);
            boolean present = labels.containsKey(key);
            switch (op) {
                case EXISTS: return present;
                case NOT_EXISTS: return !present;
                case EQUALS: return present && values.contains(value);
                case NOT_EQUALS: return !present || !values.contains(value);
                case IN: return present && values.contains(value);
                default: return !present || !values.contains(value);
            }
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String selector) {
        return new Parser(selector).parse();
    }

    boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) if (!r.holds(labels)) return false;
        return true;
    }

    /** Tokens: the symbols == != = ! ( ) , and words of [A-Za-z0-9._/-]; whitespace separates. */
    private static final class Parser {
        private final String selector;
        private final List<String> tokens = new ArrayList<>();
        private int pos;

        Parser(String selector) {
            this.selector = selector;
            int i = 0;
            while (i < selector.length()) {
                char c = selector.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (selector.startsWith("==", i) || selector.startsWith("!=", i)) {
                    tokens.add(selector.substring(i, i + 2));
                    i += 2;
                } else if ("=!(),".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (isWordChar(c)) {
                    int start = i;
                    while (i < selector.length() && isWordChar(selector.charAt(i))) i++;
                    tokens.add(selector.substring(start, i));
                } else {
                    throw fail("unexpected character '" + c + "'");
                }
            }
        }

        private static boolean isWordChar(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '/' || c == '-');
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException(what + " in label selector '" + selector + "'");
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        private String take() {
            String token = peek();
            pos++;
            return token;
        }

        private static boolean isWord(String token) {
            return token != null && isWordChar(token.charAt(0));
        }

        private String word(String what) {
            String token = take();
            if (!isWord(token)) throw fail("expected " + what);
            return token;
        }

        private void expect(String symbol) {
            if (!symbol.equals(take())) throw fail("expected '" + symbol + "'");
        }

        LabelSelector parse() {
            List<Requirement> out = new ArrayList<>();
            if (tokens.isEmpty()) return new LabelSelector(out);
            while (true) {
                out.add(requirement());
                String token = take();
                if (token == null) return new LabelSelector(out);
                if (!token.equals(",")) throw fail("unexpected '" + token + "'");
            }
        }

        private Requirement requirement() {
            if ("!".equals(peek())) {
                take();
                return new Requirement(Op.NOT_EXISTS, word("a key after '!'"), Set.of());
            }
            String key = word("a key");
            String token = peek();
            if (token == null || token.equals(",")) return new Requirement(Op.EXISTS, key, Set.of());
            take();
            if (token.equals("=") || token.equals("==")) return new Requirement(Op.EQUALS, key, Set.of(word("a value")));
            if (token.equals("!=")) return new Requirement(Op.NOT_EQUALS, key, Set.of(word("a value")));
            if (token.equals("in") || token.equals("notin")) {
                expect("(");
                Set<String> values = new HashSet<>();
                values.add(word("a value"));
                while (",".equals(peek())) {
                    take();
                    values.add(word("a value"));
                }
                expect(")");
                return new Requirement(token.equals("in") ? Op.IN : Op.NOT_IN, key, values);
            }
            throw fail("expected an operator after '" + key + "'");
        }
    }
}
