// snowflake-id: implement SnowflakeGenerator, Twitter-style 64-bit ids.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
import java.util.function.LongSupplier;

final class SnowflakeGenerator {
    /** workerId outside 0..1023 throws IllegalArgumentException; clockMs returns Unix milliseconds. */
    SnowflakeGenerator(int workerId, long epochMs, LongSupplier clockMs) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** (ms - epochMs) << 22 | workerId << 12 | sequence; a clock going backwards throws IllegalStateException. */
    long nextId() {
        throw new UnsupportedOperationException("not implemented");
    }
}
