package drillkit;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Java exceptions as the Python builtin exceptions the tests expect. */
final class Exceptions {
    private Exceptions() {
    }

    /** Python's builtin exception classes that cross by name, each with its builtin parent. */
    private static final Map<String, String> PARENT = new HashMap<>();

    static {
        String[][] tree = {
            {"BaseException", null}, {"Exception", "BaseException"}, {"SystemExit", "BaseException"},
            {"KeyboardInterrupt", "BaseException"}, {"ArithmeticError", "Exception"},
            {"ZeroDivisionError", "ArithmeticError"}, {"OverflowError", "ArithmeticError"},
            {"AssertionError", "Exception"}, {"AttributeError", "Exception"}, {"LookupError", "Exception"},
            {"KeyError", "LookupError"}, {"IndexError", "LookupError"}, {"MemoryError", "Exception"},
            {"NameError", "Exception"}, {"OSError", "Exception"}, {"RuntimeError", "Exception"},
            {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"},
            {"StopIteration", "Exception"}, {"TypeError", "Exception"}, {"ValueError", "Exception"},
            {"UnicodeError", "ValueError"}, {"TimeoutError", "OSError"},
        };
        for (String[] pair : tree) PARENT.put(pair[0], pair[1]);
    }

    static boolean isBuiltin(String name) {
        return PARENT.containsKey(name);
    }

    /** The builtin classes from {@code name} up, nearest first (Python's {@code builtin_bases}). */
    static List<String> bases(String name) {
        List<String> out = new ArrayList<>(4);
        for (String n = name; n != null; n = PARENT.get(n)) out.add(n);
        return out;
    }

    /** The builtin exception a Java exception stands for, when no adapter mapping applies. */
    static String builtinFor(Throwable e) {
        if (e instanceof PyException) return ((PyException) e).type;
        if (e instanceof IllegalArgumentException) return "ValueError";  // NumberFormatException too
        if (e instanceof NoSuchElementException) return "KeyError";
        if (e instanceof IndexOutOfBoundsException) return "IndexError";
        if (e instanceof UnsupportedOperationException) return "NotImplementedError";
        if (e instanceof IllegalStateException || e instanceof ConcurrentModificationException) return "RuntimeError";
        if (e instanceof ClassCastException || e instanceof NullPointerException
                || e instanceof ArrayStoreException) return "TypeError";
        if (e instanceof ArithmeticException) {
            String m = e.getMessage();
            return m != null && m.contains("by zero") ? "ZeroDivisionError" : "ArithmeticError";
        }
        if (e instanceof StackOverflowError) return "RecursionError";
        if (e instanceof OutOfMemoryError) return "MemoryError";
        if (e instanceof AssertionError) return "AssertionError";
        return "Exception";
    }

    /** " (Solution.java:42)": where in the candidate's file the exception was thrown, if it was. */
    static String where(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (Build.SOLUTION_FILE.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return " (" + Build.SOLUTION_FILE + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }

    static String message(Throwable e) {
        String m;
        try {
            m = e.getMessage();
        } catch (Throwable t) {  // a getMessage that throws is the submission's problem, not the protocol's
            m = "<unprintable " + e.getClass().getSimpleName() + ">";
        }
        return m == null ? "" : m;
    }
}
