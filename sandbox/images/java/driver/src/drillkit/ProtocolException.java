package drillkit;

/**
 * The test process sent something that is not a well-formed message of the protocol. An Error, so that a
 * submission's {@code catch (Exception e)} around a callback cannot swallow it and carry on out of step.
 */
final class ProtocolException extends Error {
    ProtocolException(String message) {
        super(message, null, false, false);
    }
}
