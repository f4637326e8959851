package drillkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python signature as an adapter writes it, {@code "get(key, default=None)"}: parameter names, which are
 * optional (a default of None), and whether it takes {@code *args} and {@code **kwargs}. Binds a call's
 * arguments to slots as Python would, with Python's TypeErrors.
 */
final class Signature {
    final String name;
    final String[] params;
    final int required;
    final boolean varargs;
    final boolean varkw;

    private Signature(String name, String[] params, int required, boolean varargs, boolean varkw) {
        this.name = name;
        this.params = params;
        this.required = required;
        this.varargs = varargs;
        this.varkw = varkw;
    }

    static Signature parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0) return new Signature(t, new String[0], 0, false, false);
        if (!t.endsWith(")")) throw new IllegalArgumentException("a malformed signature: " + text);
        String name = t.substring(0, open).trim();
        String inner = t.substring(open + 1, t.length() - 1).trim();
        List<String> names = new ArrayList<>();
        int required = 0;
        boolean varargs = false;
        boolean varkw = false;
        boolean optional = false;
        if (!inner.isEmpty()) {
            for (String part : inner.split(",")) {
                String p = part.trim();
                if (p.startsWith("**")) {
                    varkw = true;
                } else if (p.startsWith("*")) {
                    varargs = true;
                } else {
                    int eq = p.indexOf('=');
                    if (eq >= 0) {
                        if (!p.substring(eq + 1).trim().equals("None")) {
                            throw new IllegalArgumentException("only None defaults are supported: " + text);
                        }
                        names.add(p.substring(0, eq).trim());
                        optional = true;
                    } else {
                        if (optional || varargs) throw new IllegalArgumentException("a required parameter after an optional one: " + text);
                        names.add(p);
                        required++;
                    }
                }
            }
        }
        return new Signature(name, names.toArray(new String[0]), required, varargs, varkw);
    }

    private PyException error(String message) {
        return Py.typeError(name + "() " + message);
    }

    private String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    Args bind(List<?> args, Map<String, ?> kwargs) {
        Object[] slots = new Object[params.length];
        int n = args.size();
        int positional = Math.min(n, params.length);
        for (int k = 0; k < positional; k++) slots[k] = args.get(k);
        List<Object> rest = null;
        if (n > params.length) {
            if (!varargs) throw error("takes " + plural(params.length, "positional argument") + " but " + n
                    + (n == 1 ? " was" : " were") + " given");
            rest = new ArrayList<>(args.subList(params.length, n));
        }
        boolean[] filled = null;
        Map<String, Object> extra = null;
        if (!kwargs.isEmpty()) {
            filled = new boolean[params.length];
            for (int k = 0; k < positional; k++) filled[k] = true;
            for (Map.Entry<String, ?> e : kwargs.entrySet()) {
                int at = index(e.getKey());
                if (at < 0) {
                    if (!varkw) throw error("got an unexpected keyword argument '" + e.getKey() + "'");
                    if (extra == null) extra = new LinkedHashMap<>();
                    extra.put(e.getKey(), e.getValue());
                } else {
                    if (filled[at]) throw error("got multiple values for argument '" + e.getKey() + "'");
                    filled[at] = true;
                    slots[at] = e.getValue();
                }
            }
        }
        for (int k = positional; k < required; k++) {
            if (filled == null || !filled[k]) throw error("missing required argument: '" + params[k] + "'");
        }
        return new Args(this, slots, rest, extra);
    }

    /** Positional arguments only, from a batch's flat column. */
    Args bind(List<?> flat, int start, int n) {
        if (n < required || (n > params.length && !varargs)) {
            return bind(flat.subList(start, start + n), Map.of());  // Python's TypeError, worded as for one call
        }
        Object[] slots = new Object[params.length];
        int positional = Math.min(n, params.length);
        for (int k = 0; k < positional; k++) slots[k] = flat.get(start + k);
        List<Object> rest = n > params.length ? new ArrayList<>(flat.subList(start + params.length, start + n)) : null;
        return new Args(this, slots, rest, null);
    }

    private int index(String param) {
        for (int k = 0; k < params.length; k++) if (params[k].equals(param)) return k;
        return -1;
    }
}
