package drillkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * A strict JSON reader for one message line, straight from its UTF-8 bytes. Objects become LinkedHashMap (keys in
 * message order), arrays ArrayList, integers Long (BigInteger beyond 64 bits), numbers with a fraction or exponent
 * Double. No library: Jackson's class loading costs more start-up than this whole driver.
 */
final class Json {
    private static final int MAX_NESTING = 200;

    private final byte[] b;
    private int i;
    private final int end;

    private Json(byte[] bytes, int start, int end) {
        this.b = bytes;
        this.i = start;
        this.end = end;
    }

    static Object parse(byte[] bytes, int start, int end) {
        Json p = new Json(bytes, start, end);
        p.space();
        Object value = p.value(0);
        p.space();
        if (p.i != p.end) throw new ProtocolException("a message with text after its JSON value");
        return value;
    }

    private void space() {
        while (i < end) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') i++;
            else break;
        }
    }

    private ProtocolException bad(String what) {
        return new ProtocolException("a message that is not JSON (" + what + " at byte " + i + ")");
    }

    private Object value(int depth) {
        if (i >= end) throw bad("unexpected end");
        byte c = b[i];
        switch (c) {
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case '"': return string();
            case 't': word("true"); return Boolean.TRUE;
            case 'f': word("false"); return Boolean.FALSE;
            case 'n': word("null"); return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw bad("unexpected character");
        }
    }

    private void word(String w) {
        int n = w.length();
        if (end - i < n) throw bad("unexpected end");
        for (int k = 0; k < n; k++) if (b[i + k] != w.charAt(k)) throw bad("unknown word");
        i += n;
    }

    private LinkedHashMap<String, Object> object(int depth) {
        if (depth > MAX_NESTING) throw bad("nesting too deep");
        i++;
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        space();
        if (i < end && b[i] == '}') { i++; return map; }
        while (true) {
            space();
            if (i >= end || b[i] != '"') throw bad("expected a key");
            String key = string();
            space();
            if (i >= end || b[i] != ':') throw bad("expected ':'");
            i++;
            space();
            map.put(key, value(depth));
            space();
            if (i >= end) throw bad("unexpected end");
            if (b[i] == ',') { i++; continue; }
            if (b[i] == '}') { i++; return map; }
            throw bad("expected ',' or '}'");
        }
    }

    private ArrayList<Object> array(int depth) {
        if (depth > MAX_NESTING) throw bad("nesting too deep");
        i++;
        ArrayList<Object> list = new ArrayList<>();
        space();
        if (i < end && b[i] == ']') { i++; return list; }
        while (true) {
            space();
            list.add(value(depth));
            space();
            if (i >= end) throw bad("unexpected end");
            if (b[i] == ',') { i++; continue; }
            if (b[i] == ']') { i++; list.trimToSize(); return list; }
            throw bad("expected ',' or ']'");
        }
    }

    private Object number() {
        int start = i;
        boolean integral = true;
        if (b[i] == '-') i++;
        if (i >= end || b[i] < '0' || b[i] > '9') throw bad("malformed number");
        if (b[i] == '0') i++;
        else while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        if (i < end && b[i] == '.') {
            integral = false;
            i++;
            int digits = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
            if (i == digits) throw bad("malformed number");
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) i++;
            int digits = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
            if (i == digits) throw bad("malformed number");
        }
        int len = i - start;
        if (integral && len <= 18) {
            long v = 0;
            boolean neg = b[start] == '-';
            for (int k = neg ? start + 1 : start; k < i; k++) v = v * 10 + (b[k] - '0');
            return neg ? -v : v;
        }
        String text = new String(b, start, len, StandardCharsets.ISO_8859_1);
        if (integral) {
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return Double.parseDouble(text);
    }

    private String string() {
        i++;
        int start = i;
        boolean ascii = true;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                String s = new String(b, start, i - start,
                        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                i++;
                return s;
            }
            if (c == '\\') return escaped(start);
            if ((c & 0xff) < 0x20) throw bad("control character in a string");
            if (c < 0) ascii = false;
            i++;
        }
        throw bad("unterminated string");
    }

    private String escaped(int start) {
        StringBuilder sb = new StringBuilder();
        sb.append(new String(b, start, i - start, StandardCharsets.UTF_8));
        int run = i;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
                i++;
                return sb.toString();
            }
            if ((c & 0xff) < 0x20) throw bad("control character in a string");
            if (c != '\\') { i++; continue; }
            sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            i++;
            if (i >= end) throw bad("unterminated string");
            byte e = b[i++];
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': {
                    if (end - i < 4) throw bad("short \\u escape");
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(b[i + k], 16);
                        if (d < 0) throw bad("malformed \\u escape");
                        v = v * 16 + d;
                    }
                    i += 4;
                    sb.append((char) v);
                    break;
                }
                default: throw bad("unknown escape");
            }
            run = i;
        }
        throw bad("unterminated string");
    }
}
