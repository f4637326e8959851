// Reference solution for circuit-breaker: closed, open and half-open, with the open instant from the clock.
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

final class CircuitOpenException extends RuntimeException {
    CircuitOpenException(String message) {
        super(message);
    }
}

final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final double timeout;
    private final DoubleSupplier clock;
    private int failures;                    // consecutive failures while closed
    private double openedAt = Double.NaN;    // NaN while closed

    CircuitBreaker(int failureThreshold, double recoveryTimeout, DoubleSupplier clock) {
        this.threshold = failureThreshold;
        this.timeout = recoveryTimeout;
        this.clock = clock;
    }

    State state() {
        if (Double.isNaN(openedAt)) return State.CLOSED;
        return clock.getAsDouble() - openedAt >= timeout ? State.HALF_OPEN : State.OPEN;
    }

    <T> T call(Callable<T> fn) throws Exception {
        State state = state();
        if (state == State.OPEN) throw new CircuitOpenException("circuit is open");
        T result;
        try {
            result = fn.call();
        } catch (Exception e) {
            if (state == State.HALF_OPEN || ++failures >= threshold) open();
            throw e;
        }
        failures = 0;
        openedAt = Double.NaN;
        return result;
    }

    private void open() {
        openedAt = clock.getAsDouble();
        failures = 0;
    }
}
