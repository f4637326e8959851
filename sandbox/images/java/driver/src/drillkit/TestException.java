package drillkit;

/**
 * An exception raised by test code inside a callback (an injected clock, the function a circuit breaker calls).
 * Thrown into the solution; if it propagates out unchanged, the test process re-raises its own original object.
 */
public final class TestException extends RuntimeException {
    final Object ref;
    final String type;

    TestException(Object ref, String type, String message) {
        super(type + ": " + message);
        this.ref = ref;
        this.type = type;
    }
}
