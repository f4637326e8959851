// BUG: the failure is wrapped in a new RuntimeException instead of being rethrown unchanged.
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
    private int failures;
    private boolean open;
    private double openedAt;

    CircuitBreaker(int failureThreshold, double recoveryTimeout, DoubleSupplier clock) {
        this.threshold = failureThreshold;
        this.timeout = recoveryTimeout;
        this.clock = clock;
    }

    State state() {
        if (!open) return State.CLOSED;
        return clock.getAsDouble() - openedAt >= timeout ? State.HALF_OPEN : State.OPEN;
    }

    <T> T call(Callable<T> fn) throws Exception {
        State state = state();
        if (state == State.OPEN) {

            throw new CircuitOpenException("open");
        }
        T result;
        try {
            result = fn.call();
        } catch (Exception e) {
            if (state == State.HALF_OPEN) {
                trip();
            } else if (++failures >= threshold) {
                trip();
            }
            throw new RuntimeException("call failed", e);
        }
        failures = 0;
        open = false;
        return result;
    }

    private void trip() {
        open = true;
        openedAt = clock.getAsDouble();
        failures = 0;
    }
}
