package drillkit;

/**
 * An exception that crosses as a Python builtin exception of the given type (ValueError, KeyError, ...): for an
 * adapter that must raise what the tests expect where the Java API signals otherwise (an empty Optional, a false).
 */
public class PyException extends RuntimeException {
    final String type;

    public PyException(String type, String message) {
        super(message);
        if (!Exceptions.isBuiltin(type)) throw new IllegalArgumentException("not a Python builtin exception: " + type);
        this.type = type;
    }

    public String pythonType() {
        return type;
    }
}
