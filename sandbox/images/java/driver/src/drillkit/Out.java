package drillkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A growing UTF-8 buffer that JSON is written into, one message at a time. */
final class Out {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    byte[] buf;
    int len;

    Out(int capacity) {
        buf = new byte[capacity];
    }

    void reset() {
        len = 0;
        if (buf.length > (1 << 20)) buf = new byte[1 << 14];  // a huge reply's buffer is not kept
    }

    private void room(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    Out ch(char c) {
        room(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Text known to be ASCII with nothing to escape (tags, keys). */
    Out ascii(String s) {
        int n = s.length();
        room(n);
        for (int k = 0; k < n; k++) buf[len++] = (byte) s.charAt(k);
        return this;
    }

    Out key(String k) {
        return ch('"').ascii(k).ch('"').ch(':');
    }

    Out num(long v) {
        if (v >= 0 && v < 10) {
            room(1);
            buf[len++] = (byte) ('0' + v);
            return this;
        }
        return ascii(Long.toString(v));
    }

    Out str(String s) {
        int n = s.length();
        room(n + 2);
        buf[len++] = '"';
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                room(1);
                buf[len++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else if (c < 0x800) {
                room(2);
                buf[len++] = (byte) (0xc0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++k));
                room(4);
                buf[len++] = (byte) (0xf0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                escape(c);  // a lone surrogate has no UTF-8 form; JSON's \\u escape carries it
            } else {
                room(3);
                buf[len++] = (byte) (0xe0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        room(1);
        buf[len++] = '"';
        return this;
    }

    private void escape(char c) {
        room(6);
        buf[len++] = '\\';
        switch (c) {
            case '"': buf[len++] = '"'; return;
            case '\\': buf[len++] = '\\'; return;
            case '\n': buf[len++] = 'n'; return;
            case '\r': buf[len++] = 'r'; return;
            case '\t': buf[len++] = 't'; return;
            default:
                buf[len++] = 'u';
                buf[len++] = HEX[(c >> 12) & 15];
                buf[len++] = HEX[(c >> 8) & 15];
                buf[len++] = HEX[(c >> 4) & 15];
                buf[len++] = HEX[c & 15];
        }
    }

    /** A finite double as a JSON number that Python reads back to the same float. */
    Out dbl(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            if (d == 0 && 1 / d < 0) return ascii("-0.0");
            return num((long) d).ascii(".0");
        }
        return ascii(Double.toString(d));
    }

    /** A raw JSON tree (what Json.parse returns) written back as JSON. */
    Out raw(Object v) {
        if (v == null) return ascii("null");
        if (v instanceof String) return str((String) v);
        if (v instanceof Long) return num((Long) v);
        if (v instanceof Boolean) return ascii((Boolean) v ? "true" : "false");
        if (v instanceof Double) return dbl((Double) v);
        if (v instanceof List) {
            ch('[');
            boolean first = true;
            for (Object item : (List<?>) v) {
                if (!first) ch(',');
                first = false;
                raw(item);
            }
            return ch(']');
        }
        if (v instanceof Map) {
            ch('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) ch(',');
                first = false;
                str(String.valueOf(e.getKey())).ch(':');
                raw(e.getValue());
            }
            return ch('}');
        }
        return ascii(v.toString());  // BigInteger
    }

    Out append(Out other) {
        room(other.len);
        System.arraycopy(other.buf, 0, buf, len, other.len);
        len += other.len;
        return this;
    }
}
