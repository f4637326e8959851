// BUG: binary suffixes are taken as powers of 1000 instead of 1024.
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Quantities {
    private static final Map<String, Integer> BINARY = Map.of("Ki", 1, "Mi", 2, "Gi", 3, "Ti", 4, "Pi", 5, "Ei", 6);
    private static final Map<String, Integer> DECIMAL =
            Map.of("n", -9, "u", -6, "m", -3, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");

    static BigDecimal parse(String text) {

        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a quantity: " + text);
        String number = m.group(1);
        if (number.endsWith(".")) number = number + "0";
        BigDecimal value = new BigDecimal(number);
        String suffix = m.group(2);
        if (suffix == null || suffix.isEmpty()) return value;
        if (BINARY.containsKey(suffix)) return value.multiply(BigDecimal.valueOf(1000).pow(BINARY.get(suffix)));
        if (DECIMAL.containsKey(suffix)) return value.scaleByPowerOfTen(DECIMAL.get(suffix));
        return value.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    }
}
