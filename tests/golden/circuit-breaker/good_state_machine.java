// An explicit state field with transitions; OPEN turns into HALF_OPEN when the state is read after the timeout.
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

final class CircuitOpenException extends RuntimeException {
    CircuitOpenException(String message) {
        super(message);
    }
}

final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final double recoveryTimeout;
    private final DoubleSupplier clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private double openedAt;

    CircuitBreaker(int failureThreshold, double recoveryTimeout, DoubleSupplier clock) {
        this.failureThreshold = failureThreshold;
        this.recoveryTimeout = recoveryTimeout;
        this.clock = clock;
    }

    State state() {
        if (state == State.OPEN && clock.getAsDouble() - openedAt >= recoveryTimeout) {
            state = State.HALF_OPEN;
        }
        return state;
    }

    <T> T call(Callable<T> fn) throws Exception {
        switch (state()) {
            case OPEN:
                throw new CircuitOpenException("circuit open since t=" + openedAt);
            case HALF_OPEN:
                try {
                    T result = fn.call();
                    state = State.CLOSED;
                    consecutiveFailures = 0;
                    return result;
                } catch (Exception e) {
                    open();
                    throw e;
                }
            default:
                try {
                    T result = fn.call();
                    consecutiveFailures = 0;
                    return result;
                } catch (Exception e) {
                    if (++consecutiveFailures >= failureThreshold) open();
                    throw e;
                }
        }
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.getAsDouble();
        consecutiveFailures = 0;
    }
}
