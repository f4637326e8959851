package drillkit;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java driver: runs in the solution process, loads the submission and answers the test process's calls over
 * the wire protocol (sandbox/protocol.md).
 *
 * <p>Everything here is on the untrusted side of the boundary: the submission runs in this JVM and may change
 * any of it. The test process believes nothing this driver says beyond the values it returns.
 *
 * <p>Fresh state per test: every session ({@code reset}) loads the candidate's and the adapter's classes again
 * in a new class loader, so static state starts over; the JVM (and the driver's JIT-compiled code) stays.
 */
public final class Driver {
    static final int PROTOCOL = 1;
    static final int MAX_DEPTH = 64;
    static final int INTS_MIN = 64;
    static final int KEY_CAP = 300;
    /** The test side's name for the submission module, the target of module-level batches. */
    private static final Object MODULE = new Object();

    /** One test's view of the submission: its own class loader, the adapter's registrations, its objects. */
    static final class Session {
        final ClassLoader loader;
        final Contract module;
        final HashMap<Long, Object> objects = new HashMap<>();
        final IdentityHashMap<Object, Long> ids = new IdentityHashMap<>();
        long nextId = 1;
        boolean touched;

        Session(ClassLoader loader, Contract module) {
            this.loader = loader;
            this.module = module;
        }
    }

    /** Defines the compiled classes afresh for each session. */
    static final class SessionLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        SessionLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("solution", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** A value to send as a handle even if it is plain data (what {@code store} keeps). */
    private static final class AsHandle {
        final Object value;

        AsHandle(Object value) {
            this.value = value;
        }
    }

    /** What a request adds to its reply besides the result. */
    private static final class Reply {
        Integer index;
        Long memory;
        Out mutated;

        void mutated(Object key, Out value) {
            if (mutated == null) mutated = new Out(64).ch('[');
            else mutated.ch(',');
            mutated.ch('[');
            if (key instanceof String) mutated.str((String) key);
            else mutated.num((Integer) key);
            mutated.ch(',');
            mutated.append(value);
            mutated.ch(']');
        }
    }

    private final Channel channel;
    private boolean training;
    private Build build;
    private Session session;
    private final Set<String> described = new HashSet<>();
    private long nextRequest = 1;
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;

    Driver(Channel channel) {
        this.channel = channel;
    }

    // --- start-up -------------------------------------------------------------------------------------------

    public static void main(String[] argv) throws Exception {
        if (argv.length == 1 && argv[0].equals("--probe")) {
            return;  // the image build's check that the class-data sharing archive maps (-Xshare:on)
        }
        if (argv.length == 2 && argv[0].equals("--train")) {
            // At image build time: a scripted session over a sample exercise, so the class-data sharing archive
            // holds every class a grading loads (the compiler's, this driver's), and start-up skips their loading.
            Path sample = Path.of(argv[1]);
            Driver driver = new Driver(new Channel(Files.newInputStream(sample.resolve("script.jsonl")),
                    java.io.OutputStream.nullOutputStream()));
            driver.training = true;
            System.exit(driver.run(sample, null, 600));
        }
        String fd = System.getenv("DRILLKIT_CHANNEL_FD");
        if (fd == null) {
            System.err.println("drillkit java driver: DRILLKIT_CHANNEL_FD is not set");
            Runtime.getRuntime().halt(2);
        }
        Driver driver = new Driver(new Channel(Channel.descriptor(Integer.parseInt(fd.trim()))));
        int code = driver.run(Path.of(env("DRILLKIT_SUBMISSION_DIR", "/tmp/submission")), buildDir(),
                Double.parseDouble(env("DRILLKIT_COMPILE_SECONDS", "20")));
        driver.flushOutput();
        Runtime.getRuntime().halt(code);  // no shutdown hook or leftover thread of the submission runs after this
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }

    private static Path buildDir() {
        String dir = System.getenv("DRILLKIT_BUILD_DIR");
        if (dir == null || dir.isEmpty()) return null;
        Path path = Path.of(dir);
        return Files.isDirectory(path) && Files.isWritable(path) ? path : null;
    }

    /** Loads the submission, greets, and serves until the channel closes; the process's exit code. */
    int run(Path submission, Path buildDir, double compileSeconds) {
        Out hello = new Out(256);
        hello.ch('{').key("op").str("hello").ch(',').key("protocol").num(PROTOCOL).ch(',').key("driver").str("java")
                .ch(',').key("pid").num(ProcessHandle.current().pid()).ch(',').key("loaded");
        try {
            build = Build.obtain(submission, buildDir, compileSeconds, System.getProperty("java.class.path"));
            session = newSession();
            hello.ascii("true");
        } catch (Build.LoadFailure failure) {
            hello.ascii("false").ch(',').key("error").ch('{').key("type").str(failure.type).ch(',').key("message")
                    .str(cut(failure.getMessage())).ch('}').ch(',').key("memory").ascii(failure.memory ? "true" : "false");
        } catch (Throwable t) {
            boolean memory = t instanceof OutOfMemoryError;
            hello.ascii("false").ch(',').key("error").ch('{').key("type").str(t.getClass().getSimpleName()).ch(',')
                    .key("message").str(cut(loadError(t))).ch('}').ch(',').key("memory").ascii(memory ? "true" : "false");
        }
        hello.ch('}');
        flushOutput();
        try {
            channel.send(hello);
            if (session == null) return 0;  // not loaded: nothing to serve (and a compile that overran stops here)
            serveForever();
        } catch (Channel.Closed closed) {
            return 0;
        } catch (ProtocolException e) {
            if (training) System.err.println("drillkit java driver: " + e.getMessage());
            return 3;
        }
        return 0;
    }

    private static String loadError(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof ExceptionInInitializerError || cause instanceof InvocationTargetException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String where = Exceptions.where(cause);
        String name = cause.getClass().getSimpleName();
        String text = name + ": " + Exceptions.message(cause);
        if (cause != t) text = t.getClass().getSimpleName() + " (a static initializer threw " + text + ")";
        return where.isEmpty() ? text : text + where;
    }

    /** A new class loader with the submission's classes, their static initializers run, and the adapter's names. */
    Session newSession() throws Exception {
        SessionLoader loader = new SessionLoader(build.classes, Driver.class.getClassLoader());
        for (String name : build.solutionClasses) Class.forName(name, true, loader);
        Class<?> adapter;
        try {
            adapter = Class.forName("Adapter", true, loader);
        } catch (ClassNotFoundException e) {
            throw new Build.LoadFailure("ImportError", "the exercise has no Java adapter (Adapter.java)", false);
        }
        if (!Exercise.class.isAssignableFrom(adapter)) {
            throw new Build.LoadFailure("ImportError", "Adapter is not a drillkit.Exercise", false);
        }
        Constructor<?> constructor = adapter.getDeclaredConstructor();
        constructor.setAccessible(true);
        Contract module = new Contract();
        ((Exercise) constructor.newInstance()).register(module);
        return new Session(loader, module);
    }

    private Session session() throws Exception {
        if (session == null) session = newSession();
        return session;
    }

    // --- serving --------------------------------------------------------------------------------------------

    private void serveForever() {
        while (true) channel.send(serve(channel.recv()));
    }

    void flushOutput() {
        for (PrintStream stream : new PrintStream[] {System.out, System.err, stdout, stderr}) {
            try {
                stream.flush();
            } catch (Throwable ignored) {
                // a submission that broke its own streams only loses its own output
            }
        }
    }

    Out serve(Map<String, Object> message) {
        Out out = new Out(256);
        out.ch('{').key("re").raw(message.get("id"));
        int mark = out.len;
        Reply reply = new Reply();
        try {
            Object op = message.get("op");
            Object result = dispatch(op instanceof String ? (String) op : "", message, reply);
            out.ch(',').key("ok");
            encode(result, out, 0);
        } catch (ProtocolException | Channel.Closed e) {
            throw e;
        } catch (Throwable t) {
            out.len = mark;
            out.ch(',').key("raise");
            writeException(t, out);
        }
        if (reply.index != null) out.ch(',').key("index").num(reply.index);
        if (reply.memory != null) out.ch(',').key("memory").ch('{').key("traced_bytes").num(reply.memory).ch('}');
        if (reply.mutated != null) out.ch(',').key("mutated").append(reply.mutated.ch(']'));
        out.ch('}');
        flushOutput();  // what the call printed reaches the output pipe before its answer, so it is this test's
        return out;
    }

    private Object dispatch(String op, Map<String, Object> m, Reply reply) throws Throwable {
        switch (op) {
            case "reset":
                if (session == null || session.touched) {
                    session = null;
                    session = newSession();
                }
                session.touched = true;
                return ProcessHandle.current().pid();
            case "end":
                session = null;
                return null;
            case "describe":
                return describe(m.get("target"));
            default:
                break;
        }
        session().touched = true;
        switch (op) {
            case "call": {
                Object target = target(m.get("target"));
                return invoke(callable(target), target, m, reply);
            }
            case "method": {
                Object target = target(m.get("target"));
                return invoke(method(target, String.valueOf(m.get("name"))), target, m, reply);
            }
            case "getattr":
                return getattr(target(m.get("target")), String.valueOf(m.get("name")));
            case "setattr":
                setattr(target(m.get("target")), String.valueOf(m.get("name")), decode(m.get("value"), 0));
                return null;
            case "iter":
                return iterate(target(m.get("target")));
            case "prepare":
                return new AsHandle(columns(m));
            case "batch":
                return batch(m, reply);
            case "store":
                return new AsHandle(decode(m.get("value"), 0));
            case "fetch":
                return target(m.get("target"));
            default:
                throw new ProtocolException("unknown operation '" + cutTo(op, 40) + "'");
        }
    }

    // --- targets ---------------------------------------------------------------------------------------------

    /** A name of the submission module (a ClassSpec, a function or an exception class), or an object. */
    private Object target(Object spec) throws Exception {
        if (!(spec instanceof List) || ((List<?>) spec).size() < 2) throw new ProtocolException("a malformed target");
        List<?> t = (List<?>) spec;
        Object kind = t.get(0);
        if ("name".equals(kind)) {
            String name = String.valueOf(t.get(1));
            Contract module = session().module;
            if (module.classes.containsKey(name)) return module.classes.get(name);
            if (module.functions.containsKey(name)) return module.functions.get(name);
            if (module.exceptionClasses.containsKey(name)) return module.exceptionClasses.get(name);
            if (module.values.containsKey(name)) return module.values.get(name);
            throw new PyException("AttributeError", "module 'solution' has no attribute '" + cutTo(name, 100) + "'");
        }
        if ("module".equals(kind)) return MODULE;
        if ("obj".equals(kind) || "ref".equals(kind)) return decode(spec, 0);
        throw new ProtocolException("a malformed target");
    }

    private Map<String, Object> describe(Object spec) throws Exception {
        Object target = target(spec);
        Map<String, Object> d = new LinkedHashMap<>();
        if (target instanceof ClassSpec) {
            d.put("kind", "class");
            d.putAll(description((ClassSpec<?>) target));
        } else if (target instanceof ClassSpec.Bound) {
            d.put("kind", "function");
            d.put("name", ((ClassSpec.Bound) target).sig.name);
        } else if (target instanceof Contract.ExceptionSpec) {
            Contract.ExceptionSpec e = (Contract.ExceptionSpec) target;
            d.put("kind", "class");
            d.put("name", e.name);
            d.put("key", "solution." + e.name);
            d.put("methods", new ArrayList<>());
            d.put("exception", new ArrayList<>(Exceptions.bases(e.builtin)));
        } else {
            d.put("kind", "value");
            d.put("value", target == MODULE ? null : target);
        }
        return d;
    }

    private static Map<String, Object> description(ClassSpec<?> spec) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", spec.name);
        d.put("key", spec.key());
        d.put("methods", new ArrayList<>(spec.methods.keySet()));
        d.put("exception", null);
        return d;
    }

    private ClassSpec.Bound callable(Object target) throws Exception {
        if (target instanceof ClassSpec) return constructor((ClassSpec<?>) target);
        if (target instanceof ClassSpec.Bound) return (ClassSpec.Bound) target;
        if (target instanceof Contract.ExceptionSpec) {
            throw Py.typeError(((Contract.ExceptionSpec) target).name + " cannot be raised from the tests");
        }
        ClassSpec.Bound call = findMethod(target, "__call__");
        if (call == null) throw Py.typeError("'" + pyType(target) + "' object is not callable");
        return call;
    }

    private static ClassSpec.Bound constructor(ClassSpec<?> spec) {
        return new ClassSpec.Bound(spec.init, (self, a) -> spec.ctor.make(a));
    }

    private ClassSpec.Bound findMethod(Object target, String name) throws Exception {
        if (target == MODULE) return session().module.functions.get(name);
        if (target == null) return null;
        ClassSpec<?> spec = session().module.specFor(target.getClass());
        return spec == null ? null : spec.methods.get(name);
    }

    private ClassSpec.Bound method(Object target, String name) throws Exception {
        ClassSpec.Bound bound = findMethod(target, name);
        if (bound == null) {
            if (target == MODULE) throw new PyException("AttributeError", "module 'solution' has no attribute '" + cutTo(name, 100) + "'");
            throw new PyException("AttributeError", "'" + pyType(target) + "' object has no attribute '" + cutTo(name, 100) + "'");
        }
        return bound;
    }

    private String pyType(Object target) throws Exception {
        if (target == null) return "NoneType";
        ClassSpec<?> spec = session().module.specFor(target.getClass());
        return spec != null ? spec.name : Py.typeName(target);
    }

    @SuppressWarnings("unchecked")
    private Object getattr(Object target, String name) throws Exception {
        ClassSpec<?> spec = target == null || target == MODULE ? null : session().module.specFor(target.getClass());
        if (spec != null && spec.getters.containsKey(name)) {
            return ((ClassSpec.Getter<Object>) spec.getters.get(name)).get(target);
        }
        throw new PyException("AttributeError", "'" + pyType(target) + "' object has no attribute '" + cutTo(name, 100) + "'");
    }

    @SuppressWarnings("unchecked")
    private void setattr(Object target, String name, Object value) throws Exception {
        ClassSpec<?> spec = target == null || target == MODULE ? null : session().module.specFor(target.getClass());
        if (spec != null && spec.setters.containsKey(name)) {
            ((ClassSpec.Setter<Object>) spec.setters.get(name)).set(target, value);
            return;
        }
        if (spec != null && spec.getters.containsKey(name)) {
            throw new PyException("AttributeError", "can't set attribute '" + cutTo(name, 100) + "'");
        }
        throw new PyException("AttributeError", "'" + pyType(target) + "' object has no attribute '" + cutTo(name, 100) + "'");
    }

    private Object iterate(Object target) throws Exception {
        ClassSpec.Bound iter = findMethod(target, "__iter__");
        Object items = iter != null ? iter.call(target, iter.sig.bind(List.of(), Map.of())) : target;
        if (items instanceof Map) return new ArrayList<>(((Map<?, ?>) items).keySet());
        if (items instanceof Iterable) {
            List<Object> out = new ArrayList<>();
            for (Object item : (Iterable<?>) items) out.add(item);
            return out;
        }
        if (items instanceof java.util.Iterator) {
            List<Object> out = new ArrayList<>();
            ((java.util.Iterator<?>) items).forEachRemaining(out::add);
            return out;
        }
        if (items instanceof java.util.stream.BaseStream) {
            List<Object> out = new ArrayList<>();
            ((java.util.stream.BaseStream<?, ?>) items).iterator().forEachRemaining(out::add);
            return out;
        }
        if (items != null && items.getClass().isArray()) return items;
        throw Py.typeError("'" + pyType(target) + "' object is not iterable");
    }

    // --- calls ----------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Object invoke(ClassSpec.Bound fn, Object self, Map<String, Object> m, Reply reply) throws Exception {
        Object rawArgs = m.get("args");
        Object rawKwargs = m.get("kwargs");
        List<Object> raw = rawArgs == null ? List.of() : asList(rawArgs, "arguments");
        if (rawKwargs != null && !(rawKwargs instanceof Map)) throw new ProtocolException("malformed keyword arguments");
        Map<String, Object> rawKw = rawKwargs == null ? Map.of() : (Map<String, Object>) rawKwargs;
        List<Object> args = new ArrayList<>(raw.size());
        for (Object item : raw) args.add(decode(item, 0));
        Map<String, Object> kwargs = rawKw.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : rawKw.entrySet()) kwargs.put(e.getKey(), decode(e.getValue(), 0));
        try {
            return fn.call(self == MODULE ? null : self, fn.sig.bind(args, kwargs));
        } finally {
            // Arguments cross by value; a callee that changed one in place says so, so tests can tell.
            for (int k = 0; k < args.size(); k++) changed(k, args.get(k), raw.get(k), reply);
            for (Map.Entry<String, Object> e : kwargs.entrySet()) changed(e.getKey(), e.getValue(), rawKw.get(e.getKey()), reply);
        }
    }

    private void changed(Object key, Object value, Object raw, Reply reply) {
        // A value passed by handle (a stored input) stays here: the tests read its state with fetch, and there is
        // no copy on their side to update, so it is not re-encoded after every call.
        if (!hasMutable(value) || (raw instanceof List && "obj".equals(((List<?>) raw).get(0)))) return;
        try {
            Out now = new Out(64);
            encode(value, now, 0);
            Out was = new Out(64);
            was.raw(raw);
            if (!Arrays.equals(now.buf, 0, now.len, was.buf, 0, was.len)) reply.mutated(key, now);
        } catch (Throwable ignored) {
            // an argument that can no longer be encoded is reported by the result's own failure, if any
        }
    }

    private static boolean hasMutable(Object value) {
        if (value instanceof Tuple) {
            for (Object item : (Tuple) value) if (hasMutable(item)) return true;
            return false;
        }
        return value instanceof List || value instanceof Map || value instanceof Set;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object raw, String what) {
        if (!(raw instanceof List)) throw new ProtocolException("malformed " + what);
        return (List<Object>) raw;
    }

    /** Calls a test object (a callback) and serves the test process's nested requests until it answers. */
    @SuppressWarnings("unchecked")
    synchronized Object callback(Ref ref, List<?> args, Map<String, ?> kwargs) {
        long id = nextRequest++;
        Out out = new Out(128);
        out.ch('{').key("id").num(id).ch(',').key("op").str("call").ch(',').key("target").ch('[').str("ref").ch(',')
                .num(ref.id).ch(']').ch(',').key("args").ch('[');
        for (int k = 0; k < args.size(); k++) {
            if (k > 0) out.ch(',');
            encode(args.get(k), out, 0);
        }
        out.ch(']').ch(',').key("kwargs").ch('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : kwargs.entrySet()) {
            if (!first) out.ch(',');
            first = false;
            out.str(e.getKey()).ch(':');
            encode(e.getValue(), out, 0);
        }
        out.ch('}').ch('}');
        flushOutput();
        channel.send(out);
        while (true) {
            Map<String, Object> incoming = channel.recv();
            Object re = incoming.get("re");
            if (re instanceof Long && (Long) re == id) {
                if (incoming.containsKey("raise")) {
                    Object spec = incoming.get("raise");
                    Map<String, Object> e = spec instanceof Map ? (Map<String, Object>) spec : Map.of();
                    throw new TestException(e.get("ref"), String.valueOf(e.getOrDefault("type", "Exception")),
                            String.valueOf(e.getOrDefault("message", "")));
                }
                return decode(incoming.get("ok"), 0);
            }
            if (incoming.containsKey("op")) {
                channel.send(serve(incoming));
            } else {
                throw new ProtocolException("an answer to a question that was not asked");
            }
        }
    }

    // --- batches --------------------------------------------------------------------------------------------

    /** A batch's calls in columns (see sandbox/protocol.md), kept between {@code prepare} and {@code batch}. */
    static final class Prepared {
        String[] names;
        int[] which;  // null: every call is of names[0]
        int[] arity;  // null: every call has `uniform` arguments
        int uniform = -1;
        List<Object> args;
        int count;
    }

    private Prepared columns(Map<String, Object> m) throws Exception {
        Prepared p = new Prepared();
        List<Object> names = m.get("names") == null ? List.of() : asList(m.get("names"), "batch names");
        p.names = new String[names.size()];
        for (int k = 0; k < names.size(); k++) p.names[k] = String.valueOf(names.get(k));
        Object count = m.get("count");
        int[] which = intColumn(m.get("which"));
        int[] arity = intColumn(m.get("arity"));
        Object args = decode(m.get("args") == null ? List.of("list", List.of()) : m.get("args"), 0);
        if (!(args instanceof List) || !(count instanceof Long) || (Long) count < 0 || (Long) count > Integer.MAX_VALUE) {
            throw new ProtocolException("a batch without its arguments or its count");
        }
        p.count = (int) (long) (Long) count;
        p.args = asList(args, "batch arguments");
        if (which != null) {
            for (int w : which) if (w < 0 || w >= p.names.length) throw new ProtocolException("a batch call of a method it does not name");
        } else if (p.names.length == 0) {
            which = new int[0];
        }
        if (arity == null) {
            Object arities = m.get("arities");
            if (!(arities instanceof List) || ((List<?>) arities).size() != p.names.length) {
                throw new ProtocolException("a batch without the argument count of each method");
            }
            int[] per = new int[p.names.length];
            for (int k = 0; k < per.length; k++) {
                Object a = ((List<?>) arities).get(k);
                if (!(a instanceof Long) || (Long) a < 0 || (Long) a > 1000) throw new ProtocolException("a batch without the argument count of each method");
                per[k] = (int) (long) (Long) a;
            }
            if (p.names.length == 1 && which == null) {
                if ((long) per[0] * p.count != p.args.size()) throw new ProtocolException("a batch whose columns disagree");
                p.uniform = per[0];
                return p;
            }
            if (which == null) {
                which = new int[p.count];  // one name: all zeros
            }
            arity = new int[which.length];
            for (int k = 0; k < which.length; k++) arity[k] = per[which[k]];
        } else {
            for (int a : arity) if (a < 0) throw new ProtocolException("a batch call with a negative argument count");
            if (which == null) which = new int[p.count];
        }
        long sum = 0;
        for (int a : arity) sum += a;
        if (which.length != p.count || arity.length != p.count || sum != p.args.size()) {
            throw new ProtocolException("a batch whose columns disagree");
        }
        p.which = which;
        p.arity = arity;
        return p;
    }

    private int[] intColumn(Object raw) {
        if (raw == null) return null;
        Object column = decode(raw, 0);
        if (!(column instanceof List)) throw new ProtocolException("a batch column that is not a list of integers");
        List<?> list = (List<?>) column;
        int[] out = new int[list.size()];
        if (list instanceof LongList) {
            long[] values = ((LongList) list).array();
            for (int k = 0; k < out.length; k++) {
                if (values[k] != (int) values[k]) throw new ProtocolException("a batch column out of range");
                out[k] = (int) values[k];
            }
            return out;
        }
        for (int k = 0; k < out.length; k++) {
            Object v = list.get(k);
            if (!(v instanceof Long) || (Long) v != (int) (long) (Long) v) {
                throw new ProtocolException("a batch column that is not a list of integers");
            }
            out[k] = (int) (long) (Long) v;
        }
        return out;
    }

    /** range(start, stop, step) as a list of Longs, without holding them. */
    private static final class LongRange extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        final long start;
        final long step;
        final int size;

        LongRange(long start, long stop, long step) {
            if (step == 0) throw Py.valueError("range() arg 3 must not be zero");
            this.start = start;
            this.step = step;
            long n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
            if (n > Integer.MAX_VALUE) throw Py.valueError("range too long for a batch");
            this.size = (int) Math.max(0, n);
        }

        @Override
        public Object get(int index) {
            return start + index * step;
        }

        @Override
        public int size() {
            return size;
        }
    }

    private Object batch(Map<String, Object> m, Reply reply) throws Throwable {
        Object target = target(m.get("target"));
        boolean measure = Py.truthy(m.get("memory"));
        boolean keep = !Py.truthy(m.get("discard"));
        Prepared calls;
        if (m.containsKey("range")) {
            List<Object> range = asList(m.get("range"), "range");
            if (range.size() != 3 || !(range.get(0) instanceof Long) || !(range.get(1) instanceof Long) || !(range.get(2) instanceof Long)) {
                throw new ProtocolException("a malformed range");
            }
            calls = new Prepared();
            calls.names = new String[] {String.valueOf(m.get("method"))};
            calls.args = new LongRange((Long) range.get(0), (Long) range.get(1), (Long) range.get(2));
            calls.uniform = 1;
            calls.count = calls.args.size();
        } else if (m.get("prepared") != null) {
            Object prepared = decode(m.get("prepared"), 0);
            if (!(prepared instanceof Prepared)) throw new ProtocolException("a batch of something that is not a prepared batch");
            calls = (Prepared) prepared;
        } else {
            calls = columns(m);
        }
        ClassSpec.Bound[] fns = new ClassSpec.Bound[calls.names.length];
        for (int k = 0; k < fns.length; k++) fns[k] = method(target, calls.names[k]);
        Object self = target == MODULE ? null : target;
        long before = measure ? usedHeap() : 0;
        List<Object> results = keep ? new ArrayList<>(calls.count) : null;
        int index = 0;
        try {
            List<Object> args = calls.args;
            if (calls.uniform >= 0) {
                ClassSpec.Bound fn = fns[0];
                int n = calls.uniform;
                for (int position = 0; index < calls.count; index++, position += n) {
                    Object result = fn.call(self, fn.sig.bind(args, position, n));
                    if (keep) results.add(result);
                }
            } else {
                int[] which = calls.which;
                int[] arity = calls.arity;
                for (int position = 0; index < calls.count; index++) {
                    ClassSpec.Bound fn = fns[which[index]];
                    int n = arity[index];
                    Object result = fn.call(self, fn.sig.bind(args, position, n));
                    position += n;
                    if (keep) results.add(result);
                }
            }
        } catch (Throwable t) {
            reply.index = index;
            throw t;
        } finally {
            if (measure) reply.memory = usedHeap() - before;
        }
        return results;
    }

    /** The heap in use once garbage is collected: what the solution still holds. */
    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    // --- values ---------------------------------------------------------------------------------------------

    private static final Base64.Decoder BASE64_IN = Base64.getDecoder();
    private static final Base64.Encoder BASE64_OUT = Base64.getEncoder();

    Object decode(Object data, int depth) {
        if (data == null || data instanceof String || data instanceof Long || data instanceof Boolean) return data;
        if (data instanceof BigInteger || data instanceof Double) return data;
        if (depth > MAX_DEPTH) throw new ProtocolException("a value nested deeper than " + MAX_DEPTH + " levels");
        if (!(data instanceof List) || ((List<?>) data).isEmpty() || !(((List<?>) data).get(0) instanceof String)) {
            throw new ProtocolException("a value that is neither plain JSON nor a tagged array");
        }
        List<?> d = (List<?>) data;
        String tag = (String) d.get(0);
        if (d.size() < 2) throw new ProtocolException("a '" + cutTo(tag, 40) + "' value without its content");
        Object body = d.get(1);
        switch (tag) {
            case "list":
            case "tuple":
            case "set":
            case "frozenset": {
                if (!(body instanceof List)) throw new ProtocolException("a '" + tag + "' whose items are not an array");
                List<?> items = (List<?>) body;
                Object[] values = new Object[items.size()];
                for (int k = 0; k < values.length; k++) {
                    Object item = items.get(k);
                    values[k] = item instanceof String || item instanceof Long ? item : decode(item, depth + 1);
                }
                if (tag.equals("tuple")) return new Tuple(values);
                if (tag.equals("list")) return new ArrayList<>(Arrays.asList(values));
                return new LinkedHashSet<>(Arrays.asList(values));
            }
            case "ints": {
                if (!(body instanceof String)) throw new ProtocolException("an 'ints' value that is not a base64 string");
                byte[] raw;
                try {
                    raw = BASE64_IN.decode((String) body);
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("a malformed 'ints'");
                }
                if (raw.length % 8 != 0) throw new ProtocolException("an 'ints' value whose length is not a multiple of 8 bytes");
                long[] values = new long[raw.length / 8];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
                return new LongList(values);
            }
            case "rows": {
                Object flat = d.size() == 3 ? d.get(2) : null;
                if (!(body instanceof Long) || (Long) body <= 0 || (Long) body > 64 || !(flat instanceof List)
                        || ((List<?>) flat).size() % (Long) body != 0) {
                    throw new ProtocolException("a malformed 'rows' value");
                }
                int width = (int) (long) (Long) body;
                List<?> items = (List<?>) flat;
                List<Object> rows = new ArrayList<>(items.size() / width);
                for (int k = 0; k < items.size(); k += width) {
                    Object[] row = new Object[width];
                    for (int j = 0; j < width; j++) {
                        Object item = items.get(k + j);
                        if (!(item == null || item instanceof String || item instanceof Long || item instanceof Boolean
                                || item instanceof BigInteger)) {
                            throw new ProtocolException("a 'rows' value with items that are not plain");
                        }
                        row[j] = item;
                    }
                    rows.add(new Tuple(row));
                }
                return rows;
            }
            case "dict": {
                if (!(body instanceof List)) throw new ProtocolException("a 'dict' whose items are not an array");
                Map<Object, Object> map = new LinkedHashMap<>();
                for (Object pair : (List<?>) body) {
                    if (!(pair instanceof List) || ((List<?>) pair).size() != 2) {
                        throw new ProtocolException("a 'dict' item that is not a [key, value] pair");
                    }
                    map.put(decode(((List<?>) pair).get(0), depth + 1), decode(((List<?>) pair).get(1), depth + 1));
                }
                return map;
            }
            case "float":
                if (body instanceof Double) return body;
                if (body instanceof Long) return (double) (Long) body;
                if (body instanceof BigInteger) return ((BigInteger) body).doubleValue();
                if ("nan".equals(body)) return Double.NaN;
                if ("inf".equals(body)) return Double.POSITIVE_INFINITY;
                if ("-inf".equals(body)) return Double.NEGATIVE_INFINITY;
                throw new ProtocolException("a 'float' that is not a number");
            case "decimal":
                if (!(body instanceof String) || ((String) body).length() > 4096) throw new ProtocolException("a 'decimal' that is not a short string");
                try {
                    return new BigDecimal((String) body);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("a malformed 'decimal'");
                }
            case "bytes":
                if (!(body instanceof String)) throw new ProtocolException("a 'bytes' that is not a base64 string");
                try {
                    return BASE64_IN.decode((String) body);
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("a malformed 'bytes'");
                }
            case "ref":
                if (!(body instanceof Long)) throw new ProtocolException("a malformed reference");
                return new Ref(this, (Long) body);
            case "obj": {
                Session s = session;
                if (!(body instanceof Long) || s == null || !s.objects.containsKey(body)) {
                    throw new ProtocolException("no object " + cutTo(String.valueOf(body), 40) + " in this solution process");
                }
                return s.objects.get(body);
            }
            default:
                throw new ProtocolException("an unknown value tag '" + cutTo(tag, 40) + "'");
        }
    }

    private static boolean plain(Object v) {
        return v == null || v == Py.NONE || v instanceof String || v instanceof Long || v instanceof Integer
                || v instanceof Boolean || v instanceof BigInteger || v instanceof Short || v instanceof Byte;
    }

    void encode(Object v, Out out, int depth) {
        if (v == null || v == Py.NONE) {
            out.ascii("null");
        } else if (v instanceof String) {
            out.str((String) v);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.num(((Number) v).longValue());
        } else if (v instanceof Boolean) {
            out.ascii((Boolean) v ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.ascii("[\"float\",");
            if (Double.isNaN(d)) out.str("nan");
            else if (Double.isInfinite(d)) out.str(d > 0 ? "inf" : "-inf");
            else out.dbl(d);
            out.ch(']');
        } else if (v instanceof BigInteger) {
            out.ascii(v.toString());
        } else if (v instanceof Character) {
            out.str(v.toString());
        } else if (v instanceof Ref) {
            out.ascii("[\"ref\",").num(((Ref) v).id).ch(']');
        } else if (v instanceof AsHandle) {
            handle(((AsHandle) v).value, out);
        } else {
            if (depth >= MAX_DEPTH) throw Py.valueError("a value nested deeper than " + MAX_DEPTH + " levels cannot be sent");
            container(v, out, depth + 1);
        }
    }

    private void container(Object v, Out out, int depth) {
        if (v instanceof BigDecimal) {
            out.ascii("[\"decimal\",").str(((BigDecimal) v).toString()).ch(']');
        } else if (v instanceof Tuple) {
            items("tuple", (Tuple) v, out, depth);
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            if (!ints(list, out) && !rows(list, out)) items("list", list, out, depth);
        } else if (v instanceof Set) {
            items("set", (Set<?>) v, out, depth);
        } else if (v instanceof Map) {
            out.ascii("[\"dict\",[");
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) out.ch(',');
                first = false;
                out.ch('[');
                encode(e.getKey(), out, depth);
                out.ch(',');
                encode(e.getValue(), out, depth);
                out.ch(']');
            }
            out.ascii("]]");
        } else if (v instanceof Map.Entry) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) v;
            items("tuple", Arrays.asList(e.getKey(), e.getValue()), out, depth);
        } else if (v instanceof Optional) {
            encode(((Optional<?>) v).orElse(null), out, depth);
        } else if (v instanceof byte[]) {
            out.ascii("[\"bytes\",").str(BASE64_OUT.encodeToString((byte[]) v)).ch(']');
        } else if (v instanceof long[]) {
            long[] a = (long[]) v;
            if (a.length >= INTS_MIN) packed(a, a.length, out);
            else items("list", new LongList(a), out, depth);
        } else if (v instanceof int[]) {
            int[] a = (int[]) v;
            long[] wide = new long[a.length];
            for (int k = 0; k < a.length; k++) wide[k] = a[k];
            encode(wide, out, depth - 1);
        } else if (v instanceof Object[]) {
            items("list", Arrays.asList((Object[]) v), out, depth);
        } else if (v.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(v);
            List<Object> boxed = new ArrayList<>(n);
            for (int k = 0; k < n; k++) boxed.add(java.lang.reflect.Array.get(v, k));
            items("list", boxed, out, depth);
        } else if (v instanceof Collection) {
            items("list", (Collection<?>) v, out, depth);
        } else {
            handle(v, out);
        }
    }

    private void items(String tag, Collection<?> items, Out out, int depth) {
        out.ascii("[\"").ascii(tag).ascii("\",[");
        boolean first = true;
        for (Object item : items) {
            if (!first) out.ch(',');
            first = false;
            encode(item, out, depth);
        }
        out.ascii("]]");
    }

    /** A long list of 64-bit integers as {@code ["ints", base64]}: no text conversion per number. */
    private static boolean ints(List<?> list, Out out) {
        int n = list.size();
        if (n < INTS_MIN) return false;
        if (list instanceof LongList) {
            packed(((LongList) list).array(), n, out);
            return true;
        }
        long[] values = new long[n];
        int k = 0;
        for (Object item : list) {
            if (k >= n) return false;
            if (item instanceof Long) values[k++] = (Long) item;
            else if (item instanceof Integer) values[k++] = (Integer) item;
            else return false;
        }
        if (k != n) return false;
        packed(values, n, out);
        return true;
    }

    private static void packed(long[] values, int n, Out out) {
        ByteBuffer bytes = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values, 0, n);
        out.ascii("[\"ints\",\"").ascii(new String(BASE64_OUT.encode(bytes.array()), java.nio.charset.StandardCharsets.ISO_8859_1)).ascii("\"]");
    }

    /** A list of equally long tuples of plain values as {@code ["rows", width, [flat]]}. */
    private boolean rows(List<?> list, Out out) {
        if (list.isEmpty() || !(list.get(0) instanceof Tuple)) return false;
        int width = ((Tuple) list.get(0)).size();
        if (width == 0 || width > 64) return false;
        for (Object row : list) {
            if (!(row instanceof Tuple) || ((Tuple) row).size() != width) return false;
            for (Object item : (Tuple) row) if (!plain(item)) return false;
        }
        out.ascii("[\"rows\",").num(width).ascii(",[");
        boolean first = true;
        for (Object row : list) {
            for (Object item : (Tuple) row) {
                if (!first) out.ch(',');
                first = false;
                encode(item, out, 0);
            }
        }
        out.ascii("]]");
        return true;
    }

    /** An object of the solution as {@code ["obj", handle, key]}, described the first time its class is sent. */
    private void handle(Object v, Out out) {
        Session s = session;
        if (s == null) throw Py.typeError("an object of the solution outside a session");
        Long h = s.ids.get(v);
        if (h == null) {
            h = s.nextId++;
            s.ids.put(v, h);
            s.objects.put(h, v);
        }
        String key;
        Map<String, Object> description;
        ClassSpec<?> spec = s.module.specFor(v.getClass());
        if (spec != null) {
            key = spec.key();
            description = description(spec);
        } else {
            String name = v instanceof Prepared ? "PreparedCalls" : v.getClass().getSimpleName();
            if (name.isEmpty()) name = "object";
            key = v instanceof Prepared ? "drillkit.PreparedCalls" : cutTo("java:" + v.getClass().getName(), KEY_CAP);
            description = new LinkedHashMap<>();
            description.put("name", name);
            description.put("key", key);
            description.put("methods", List.of());
            description.put("exception", null);
        }
        out.ascii("[\"obj\",").num(h).ch(',').str(key);
        if (described.add(key)) {
            out.ch(',');
            out.raw(description);
        }
        out.ch(']');
    }

    // --- exceptions -----------------------------------------------------------------------------------------

    private void writeException(Throwable t, Out out) {
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError
                || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TestException && ((TestException) t).ref instanceof Long) {
            out.ch('{').key("ref").num((Long) ((TestException) t).ref).ch('}');
            return;
        }
        Contract.ExceptionSpec spec = session == null ? null : session.module.mappingFor(t);
        String type;
        String own;
        if (spec != null) {
            type = spec.builtin;
            own = spec.own ? spec.name : javaName(t);
        } else {
            type = Exceptions.builtinFor(t);
            own = t instanceof PyException ? null : javaName(t);
        }
        out.ch('{').key("type").str(type).ch(',').key("class");
        if (own == null) out.ascii("null");
        else out.str(cutTo(own, 200));
        out.ch(',').key("bases").ch('[');
        boolean first = true;
        for (String base : Exceptions.bases(type)) {
            if (!first) out.ch(',');
            first = false;
            out.str(base);
        }
        out.ch(']').ch(',').key("message").str(cut(Exceptions.message(t) + Exceptions.where(t))).ch('}');
    }

    private static String javaName(Throwable t) {
        String name = t.getClass().getSimpleName();
        return name.isEmpty() ? t.getClass().getName() : name;
    }

    static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... [" + (text.length() - 2000) + " more characters]";
    }

    private static String cutTo(String text, int cap) {
        return text.length() <= cap ? text : text.substring(0, cap);
    }
}
