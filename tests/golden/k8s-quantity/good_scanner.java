// A hand-written scanner: sign, digits with at most one dot (at least one digit), then exactly one suffix or none.
import java.math.BigDecimal;

final class Quantities {
    static BigDecimal parse(String text) {
        int i = 0;
        int n = text.length();
        StringBuilder number = new StringBuilder();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) number.append(text.charAt(i++));
        int digits = 0;
        boolean dot = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            number.append(c);
            i++;
        }
        if (digits == 0) throw new IllegalArgumentException("no number in '" + text + "'");
        if (number.charAt(number.length() - 1) == '.') number.append('0');
        BigDecimal value = new BigDecimal(number.toString());
        String suffix = text.substring(i);
        switch (suffix) {
            case "": return value;
            case "Ki": return binary(value, 1);
            case "Mi": return binary(value, 2);
            case "Gi": return binary(value, 3);
            case "Ti": return binary(value, 4);
            case "Pi": return binary(value, 5);
            case "Ei": return binary(value, 6);
            case "n": return value.scaleByPowerOfTen(-9);
            case "u": return value.scaleByPowerOfTen(-6);
            case "m": return value.scaleByPowerOfTen(-3);
            case "k": return value.scaleByPowerOfTen(3);
            case "M": return value.scaleByPowerOfTen(6);
            case "G": return value.scaleByPowerOfTen(9);
            case "T": return value.scaleByPowerOfTen(12);
            case "P": return value.scaleByPowerOfTen(15);
            case "E": return value.scaleByPowerOfTen(18);
            default: return value.scaleByPowerOfTen(exponent(suffix, text));
        }
    }

    private static BigDecimal binary(BigDecimal value, int power) {
        return value.multiply(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(10 * power)));
    }

    private static int exponent(String suffix, String text) {
        if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
            throw new IllegalArgumentException("bad suffix in '" + text + "'");
        }
        String digits = suffix.substring(1);
        int start = digits.startsWith("+") || digits.startsWith("-") ? 1 : 0;
        if (start == digits.length()) throw new IllegalArgumentException("empty exponent in '" + text + "'");
        for (int k = start; k < digits.length(); k++) {
            if (!Character.isDigit(digits.charAt(k)) || digits.charAt(k) > '9') {
                throw new IllegalArgumentException("bad exponent in '" + text + "'");
            }
        }
        return Integer.parseInt(digits);
    }
}
