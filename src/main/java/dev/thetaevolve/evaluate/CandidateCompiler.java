package dev.thetaevolve.evaluate;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.ISimpleCompiler;
import org.codehaus.commons.compiler.Location;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two-tier compiler, run inside a worker JVM: Janino first (milliseconds, Java-7-like dialect, compiled
 * against a {@link FilteringClassLoader}), javac through commons-compiler-jdk when Janino refuses the source
 * or its output fails the scan. Whatever a tier produces passes the {@link BytecodeScanner} before it may be
 * defined. Compile errors carry the candidate's own line and column. Not thread-safe.
 */
final class CandidateCompiler {

    /** At most this many compiler errors are reported; the first usually explains the rest. */
    private static final int MAX_ERRORS = 4;
    private static final Pattern JAVAC_PREFIX = Pattern.compile("^\\S*\\.java:\\d+:\\s*(?:error:\\s*)?");

    /**
     * A compilation's outcome: either classes (binary name to bytecode, scanned) and the entry class, or an
     * error kind (COMPILE or FORBIDDEN) with a message.
     */
    record Compiled(Tier tier, Map<String, byte[]> classes, String entryClass, ErrorKind errorKind, String message,
                    boolean catchesErrors) {
        Compiled {
            message = Messages.cap(message, Messages.WHOLE);
        }

        Compiled(Tier tier, Map<String, byte[]> classes, String entryClass, ErrorKind errorKind, String message) {
            this(tier, classes, entryClass, errorKind, message, false);
        }

        boolean ok() {
            return errorKind == null;
        }
    }

    private final ClassLoader compileParent;

    CandidateCompiler(ClassLoader workerLoader) {
        this.compileParent = new FilteringClassLoader(workerLoader, false);
    }

    Compiled compile(String source, String returnTypeName) {
        return compile(source, returnTypeName, false);
    }

    /**
     * Compiles and scans {@code source}. A construct-mode entry class declares {@code solve()}; a
     * search-mode one ({@code search}) is the public top-level class, whose three methods the worker
     * resolves by signature afterwards.
     */
    Compiled compile(String source, String returnTypeName, boolean search) {
        String fileName = fileName(source);
        Attempt janino = attempt(new org.codehaus.janino.SimpleCompiler(), true, fileName, source);
        if (janino.classes != null) {
            Compiled c = scanned(Tier.JANINO, janino.classes, returnTypeName, search);
            if (c.ok() || c.errorKind != ErrorKind.FORBIDDEN || !c.message.contains("java.lang.Class.forName")) return c;
            // Janino compiles a class literal X.class to Class.forName; javac emits a plain ldc
            Compiled viaJavac = javac(fileName, source, returnTypeName, null, search);
            return viaJavac.errorKind == ErrorKind.COMPILE ? c : viaJavac;
        }
        return javac(fileName, source, returnTypeName, janino.errors, search);
    }

    private Compiled javac(String fileName, String source, String returnTypeName, List<String> janinoErrors, boolean search) {
        Attempt javac;
        try {
            javac = attempt(new org.codehaus.commons.compiler.jdk.SimpleCompiler(), false, fileName, source);
        } catch (LinkageError | IllegalStateException e) {
            javac = new Attempt(null, List.of("javac is not available in this JVM (" + e + ")"));
        }
        if (javac.classes != null) return scanned(Tier.JAVAC, javac.classes, returnTypeName, search);
        StringBuilder m = new StringBuilder(String.join("\n", javac.errors));
        if (janinoErrors != null && !janinoErrors.isEmpty()) m.append("\n(janino: ").append(janinoErrors.get(0)).append(')');
        return new Compiled(null, Map.of(), null, ErrorKind.COMPILE, Messages.cap(m.toString(), Messages.WHOLE));
    }

    private record Attempt(Map<String, byte[]> classes, List<String> errors) {
    }

    private Attempt attempt(ISimpleCompiler compiler, boolean janino, String fileName, String source) {
        List<String> errors = new ArrayList<>();
        compiler.setCompileErrorHandler((message, location) -> {
            if (errors.size() < MAX_ERRORS) errors.add(format(location, message, janino));
        });
        compiler.setDebuggingInformation(true, true, true);
        if (janino) {
            compiler.setParentClassLoader(compileParent);
            compiler.setTargetVersion(8); // default methods
        }
        try {
            compiler.cook(fileName, new StringReader(source));
            return new Attempt(compiler.getBytecodes(), errors);
        } catch (CompileException e) {
            if (errors.isEmpty()) errors.add(format(e.getLocation(), e.getMessage(), janino));
        } catch (java.io.IOException | RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
            errors.add(Messages.cap((janino ? "janino" : "javac") + " failed: " + e.getClass().getName() + ": " + e.getMessage(), Messages.PART));
        }
        return new Attempt(null, errors);
    }

    private static String format(Location location, String message, boolean janino) {
        String m = message == null ? "" : Messages.cap(message, 2 * Messages.PART);
        if (!janino) m = JAVAC_PREFIX.matcher(m).replaceFirst("");
        else if (location != null && m.startsWith(location + ": ")) m = m.substring(location.toString().length() + 2);
        m = Messages.cap(m, Messages.PART);
        if (location == null || location.getLineNumber() <= 0) return m;
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": " + m;
    }

    private static Compiled scanned(Tier tier, Map<String, byte[]> bytecodes, String returnTypeName, boolean search) {
        BytecodeScanner.Result scan = BytecodeScanner.scan(bytecodes.values());
        if (scan.violation() != null) return new Compiled(tier, Map.of(), null, ErrorKind.FORBIDDEN, Messages.cap(scan.violation(), Messages.WHOLE));
        if (search) return searchEntry(tier, bytecodes, scan);
        BytecodeScanner.ScannedClass entry = null;
        for (BytecodeScanner.ScannedClass c : scan.classes()) {
            if (c.solveDescriptor() == null) continue;
            if (entry == null || rank(c) > rank(entry)) entry = c;
        }
        String wanted = "public static " + returnTypeName + " solve()";
        if (entry == null) {
            return new Compiled(tier, Map.of(), null, ErrorKind.COMPILE, "no method solve() without parameters found; declare `" + wanted + "` in the public class");
        }
        int publicStatic = org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_STATIC;
        if ((entry.solveAccess() & publicStatic) != publicStatic) {
            return new Compiled(tier, Map.of(), null, ErrorKind.COMPILE, "solve() in " + entry.name() + " must be declared `" + wanted + "`");
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (BytecodeScanner.ScannedClass c : scan.classes()) byName.put(c.name(), null);
        for (byte[] b : bytecodes.values()) byName.put(new org.objectweb.asm.ClassReader(b).getClassName().replace('/', '.'), b);
        return new Compiled(tier, Map.copyOf(byName), entry.name(), null, null, scan.catchesErrors());
    }

    private static Compiled searchEntry(Tier tier, Map<String, byte[]> bytecodes, BytecodeScanner.Result scan) {
        BytecodeScanner.ScannedClass entry = null;
        for (BytecodeScanner.ScannedClass c : scan.classes()) {
            if (entry == null || rank(c) > rank(entry)) entry = c;
        }
        if (entry == null || entry.nested() || !entry.isPublic()) {
            return new Compiled(tier, Map.of(), null, ErrorKind.COMPILE, "no public top-level class found; declare one public class with static initial, improve and perturb");
        }
        return new Compiled(tier, byName(bytecodes, scan), entry.name(), null, null, scan.catchesErrors());
    }

    private static Map<String, byte[]> byName(Map<String, byte[]> bytecodes, BytecodeScanner.Result scan) {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (BytecodeScanner.ScannedClass c : scan.classes()) byName.put(c.name(), null);
        for (byte[] b : bytecodes.values()) byName.put(new org.objectweb.asm.ClassReader(b).getClassName().replace('/', '.'), b);
        return Map.copyOf(byName);
    }

    private static int rank(BytecodeScanner.ScannedClass c) {
        return (c.nested() ? 0 : 2) + (c.isPublic() ? 1 : 0);
    }

    /**
     * javac insists the public class lives in a file of its name. A linear scan over the source's tokens
     * (comments, string, character and text-block literals skipped): the name after the first
     * {@code public [modifiers] class|record|enum|interface}. No regular expression, so no backtracking and no
     * recursion whatever the candidate wrote.
     */
    static String fileName(String source) {
        int n = source.length();
        int i = 0;
        int state = 0; // 0: looking for public, 1: after public (modifiers), 2: after the kind keyword
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                boolean textBlock = c == '"' && source.startsWith("\"\"\"", i);
                i += textBlock ? 3 : 1;
                while (i < n) {
                    char d = source.charAt(i);
                    if (d == '\\') {
                        i += 2;
                    } else if (textBlock ? source.startsWith("\"\"\"", i) : d == c) {
                        i += textBlock ? 3 : 1;
                        break;
                    } else if (!textBlock && d == '\n') {
                        break;
                    } else {
                        i++;
                    }
                }
                state = 0;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) i++;
                String word = source.substring(start, i);
                if (state == 2) return word + ".java";
                if (word.equals("public")) state = 1;
                else if (state == 1 && (word.equals("class") || word.equals("record") || word.equals("enum") || word.equals("interface"))) state = 2;
                else if (state == 1 && !(word.equals("final") || word.equals("abstract") || word.equals("strictfp") || word.equals("sealed")
                        || word.equals("static") || word.equals("non"))) state = 0;
            } else if (Character.isWhitespace(c) || (state == 1 && c == '-')) {
                i++;
            } else {
                state = 0;
                i++;
            }
        }
        return "Candidate.java";
    }
}
