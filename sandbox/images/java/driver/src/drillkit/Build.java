package drillkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The submission compiled: the candidate's Solution.java and the exercise's adapter files, compiled once per
 * grading with the in-process compiler (javax.tools: no second JVM start) into a bundle of class files in the
 * build directory. A later solution process of the same grading (after a hang or a crash) finds the bundle, or
 * the compile error, and does not compile again.
 */
final class Build {
    static final String SOLUTION_FILE = "Solution.java";
    static final int MESSAGE_CAP = 2000;
    private static final String BUNDLE = "solution.bundle";
    private static final String ERROR = "compile-error.txt";
    private static final byte[] MAGIC = "DKJ1".getBytes(StandardCharsets.ISO_8859_1);

    /** The submission does not load: a compile error, an exception in a static initializer, no adapter. */
    static final class LoadFailure extends Exception {
        final String type;
        final boolean memory;

        LoadFailure(String type, String message, boolean memory) {
            super(message, null, false, false);
            this.type = type;
            this.memory = memory;
        }
    }

    /** Binary class name -> class file bytes. */
    final Map<String, byte[]> classes;
    /** The top-level classes of Solution.java, initialized at load as Python runs a module at import. */
    final List<String> solutionClasses;

    private Build(Map<String, byte[]> classes, List<String> solutionClasses) {
        this.classes = classes;
        this.solutionClasses = solutionClasses;
    }

    static Build obtain(Path submission, Path buildDir, double seconds, String classpath) throws LoadFailure {
        Map<String, String> sources = sources(submission);
        if (!sources.containsKey(SOLUTION_FILE)) {
            throw new LoadFailure("CompileError", "no " + SOLUTION_FILE + " in the submission", false);
        }
        String hash = hash(sources);
        if (buildDir != null) {
            Build cached = readBundle(buildDir.resolve(BUNDLE), hash);
            if (cached != null) return cached;
            String error = readError(buildDir.resolve(ERROR), hash);
            if (error != null) throw new LoadFailure("CompileError", error, false);
        }
        Object[] outcome = new Object[1];
        Thread compiler = new Thread(null, () -> {
            Object done;
            try {
                done = compile(sources, classpath);
            } catch (Throwable t) {
                done = t;
            }
            synchronized (outcome) {
                outcome[0] = done;
            }
        }, "drillkit-javac", 64L << 20);
        compiler.setDaemon(true);
        compiler.start();
        try {
            compiler.join((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Object result;
        synchronized (outcome) {
            result = outcome[0];
        }
        if (result == null) {
            throw new LoadFailure("CompileError", "compiling did not finish within " + fmt(seconds) + " s", false);
        }
        if (result instanceof OutOfMemoryError) {
            throw new LoadFailure("CompileError", "the compiler ran out of memory", true);
        }
        if (result instanceof Throwable) {
            Throwable t = (Throwable) result;
            throw new LoadFailure("CompileError", "the compiler failed: " + t, false);
        }
        if (result instanceof String) {
            if (buildDir != null) writeAtomically(buildDir, ERROR, (hash + "\n" + result).getBytes(StandardCharsets.UTF_8));
            throw new LoadFailure("CompileError", (String) result, false);
        }
        Build build = (Build) result;
        if (buildDir != null) build.writeBundle(buildDir, hash);
        return build;
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static Map<String, String> sources(Path dir) throws LoadFailure {
        Map<String, String> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.java")) {
            for (Path file : files) {
                out.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LoadFailure("CompileError", "a source file that is not UTF-8 text", false);
        } catch (IOException e) {
            throw new LoadFailure("CompileError", "cannot read the submission: " + e, false);
        }
        return out;
    }

    private static String hash(Map<String, String> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : sources.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    // --- compiling ----------------------------------------------------------------------------------------------

    /** A Build, or the compiler's error messages as the candidate should read them. */
    static Object compile(Map<String, String> sources, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> output = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        output.put(className, bytes);
                        origin.put(className, sibling == null ? "" : fileName(sibling.getName()));
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String name = e.getKey();
            String text = e.getValue();
            units.add(new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }

                @Override
                public String getName() {
                    return name;
                }
            });
        }
        List<String> options = List.of("-proc:none", "-nowarn", "-Xlint:none", "-g", "-implicit:none",
                "-encoding", "UTF-8", "-classpath", classpath, "-Xmaxerrs", "30");
        boolean ok = javac.getTask(null, manager, diagnostics, options, null, units).call();
        if (!ok) return errors(diagnostics.getDiagnostics(), sources);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, ByteArrayOutputStream> e : output.entrySet()) {
            classes.put(e.getKey(), e.getValue().toByteArray());
            if (SOLUTION_FILE.equals(origin.get(e.getKey())) && e.getKey().indexOf('$') < 0) top.add(e.getKey());
        }
        return new Build(classes, top);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The errors (warnings dropped) as {@code Solution.java:LINE: message}, the line and a caret under it. */
    private static String errors(List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, String> sources) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int total = 0;
        boolean adapterNoted = false;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            total++;
            if (out.length() > MESSAGE_CAP) continue;
            String file = d.getSource() == null ? "" : fileName(d.getSource().getName());
            if (!file.isEmpty() && !file.equals(SOLUTION_FILE) && !adapterNoted) {
                adapterNoted = true;
                out.append("(").append(file).append(" is the exercise's bridge to your classes: an error there means "
                        + "your API differs from the question's — a missing or misnamed class, method or constructor, "
                        + "a wrong parameter or return type, or a public top-level class)\n");
            }
            String[] message = d.getMessage(Locale.ENGLISH).split("\n");
            out.append(file.isEmpty() ? "javac" : file);
            if (d.getLineNumber() > 0) out.append(':').append(d.getLineNumber());
            out.append(": ").append(message[0]).append('\n');
            String text = sources.get(file);
            if (text != null && d.getLineNumber() > 0) {
                String line = line(text, (int) d.getLineNumber());
                if (line != null && line.length() < 200) {
                    out.append("    ").append(line).append('\n');
                    long column = d.getColumnNumber();
                    if (column > 0 && column <= line.length() + 1) {
                        out.append("    ").append(" ".repeat((int) column - 1)).append("^\n");
                    }
                }
            }
            for (int k = 1; k < message.length; k++) out.append(message[k]).append('\n');
            shown++;
        }
        if (shown < total) out.append("... and ").append(total - shown).append(" more errors\n");
        if (total == 0) out.append("the compiler failed without an error message\n");
        String text = out.toString().strip();
        if (!text.isEmpty() && declaresPackage(sources.getOrDefault(SOLUTION_FILE, ""))) {
            text = SOLUTION_FILE + " must not declare a package: its classes live in the default package\n" + text;
        }
        return text.length() <= MESSAGE_CAP ? text : text.substring(0, MESSAGE_CAP) + "... [" + (text.length() - MESSAGE_CAP) + " more characters]";
    }

    /** Whether the first token after comments is {@code package}. */
    static boolean declaresPackage(String text) {
        int k = 0;
        int n = text.length();
        while (k < n) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                k++;
            } else if (text.startsWith("//", k)) {
                int nl = text.indexOf('\n', k);
                k = nl < 0 ? n : nl + 1;
            } else if (text.startsWith("/*", k)) {
                int close = text.indexOf("*/", k + 2);
                k = close < 0 ? n : close + 2;
            } else {
                return text.startsWith("package", k) && k + 7 < n && !Character.isJavaIdentifierPart(text.charAt(k + 7));
            }
        }
        return false;
    }

    private static String line(String text, int number) {
        int at = 0;
        for (int k = 1; k < number; k++) {
            at = text.indexOf('\n', at);
            if (at < 0) return null;
            at++;
        }
        int end = text.indexOf('\n', at);
        String line = end < 0 ? text.substring(at) : text.substring(at, end);
        return line.replace("\t", "    ").stripTrailing().replace("\r", "");
    }

    // --- the bundle in the build directory ---------------------------------------------------------------------

    private void writeBundle(Path dir, String hash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeUTF(hash);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeBoolean(solutionClasses.contains(e.getKey()));
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            return;
        }
        writeAtomically(dir, BUNDLE, bytes.toByteArray());
    }

    private static void writeAtomically(Path dir, String name, byte[] content) {
        try {
            Path temp = dir.resolve("." + name + "." + ProcessHandle.current().pid());
            Files.write(temp, content);
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // no cache: a later solution process compiles again
        }
    }

    private static Build readBundle(Path file, String hash) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC) || !in.readUTF().equals(hash)) return null;
            int count = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            List<String> top = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                if (in.readBoolean()) top.add(name);
                byte[] content = new byte[in.readInt()];
                in.readFully(content);
                classes.put(name, content);
            }
            return new Build(classes, top);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String readError(Path file, String hash) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return nl > 0 && text.substring(0, nl).equals(hash) ? text.substring(nl + 1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
