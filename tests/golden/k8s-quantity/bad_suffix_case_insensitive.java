// BUG: binary suffixes are matched ignoring case, so '1KI', '1ki' and '1GI' are accepted.
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Quantities {
    private static final String BINARY_ORDER = "KMGTPE";
    private static final Map<String, Integer> DECIMAL =
            Map.of("n", -9, "u", -6, "m", -3, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Pattern QUANTITY = Pattern.compile(
            "([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))((?i:[KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?");

    static BigDecimal parse(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a quantity: " + text);
        String number = m.group(1);
        if (number.endsWith(".")) number = number + "0";
        BigDecimal value = new BigDecimal(number);
        String suffix = m.group(2);
        if (suffix == null) return value;
        if (suffix.length() == 2 && Character.toLowerCase(suffix.charAt(1)) == 'i') {
            int power = BINARY_ORDER.indexOf(Character.toUpperCase(suffix.charAt(0))) + 1;
            return value.multiply(BigDecimal.valueOf(1024).pow(power));
        }
        if (DECIMAL.containsKey(suffix)) return value.scaleByPowerOfTen(DECIMAL.get(suffix));
        return value.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    }
}
