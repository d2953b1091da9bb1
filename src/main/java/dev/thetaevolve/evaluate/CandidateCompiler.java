package dev.thetaevolve.evaluate;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.ISimpleCompiler;
import org.codehaus.commons.compiler.Location;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
    private static final Pattern PUBLIC_CLASS = Pattern.compile("public\\s+(?:(?:final|abstract|strictfp)\\s+)*(?:class|record|enum|interface)\\s+([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern JAVAC_PREFIX = Pattern.compile("^\\S*\\.java:\\d+:\\s*(?:error:\\s*)?");

    /**
     * A compilation's outcome: either classes (binary name to bytecode, scanned) and the entry class, or an
     * error kind (COMPILE or FORBIDDEN) with a message.
     */
    record Compiled(Tier tier, Map<String, byte[]> classes, String entryClass, ErrorKind errorKind, String message) {
        boolean ok() {
            return errorKind == null;
        }
    }

    private final ClassLoader compileParent;

    CandidateCompiler(ClassLoader workerLoader) {
        this.compileParent = new FilteringClassLoader(workerLoader, false);
    }

    Compiled compile(String source, String returnTypeName) {
        String fileName = fileName(source);
        Attempt janino = attempt(new org.codehaus.janino.SimpleCompiler(), true, fileName, source);
        if (janino.classes != null) {
            Compiled c = scanned(Tier.JANINO, janino.classes, returnTypeName);
            if (c.ok() || c.errorKind != ErrorKind.FORBIDDEN || !c.message.contains("java.lang.Class.forName")) return c;
            // Janino compiles a class literal X.class to Class.forName; javac emits a plain ldc
            Compiled viaJavac = javac(fileName, source, returnTypeName, null);
            return viaJavac.errorKind == ErrorKind.COMPILE ? c : viaJavac;
        }
        return javac(fileName, source, returnTypeName, janino.errors);
    }

    private Compiled javac(String fileName, String source, String returnTypeName, List<String> janinoErrors) {
        Attempt javac;
        try {
            javac = attempt(new org.codehaus.commons.compiler.jdk.SimpleCompiler(), false, fileName, source);
        } catch (LinkageError | IllegalStateException e) {
            javac = new Attempt(null, List.of("javac is not available in this JVM (" + e + ")"));
        }
        if (javac.classes != null) return scanned(Tier.JAVAC, javac.classes, returnTypeName);
        StringBuilder m = new StringBuilder(String.join("\n", javac.errors));
        if (janinoErrors != null && !janinoErrors.isEmpty()) m.append("\n(janino: ").append(janinoErrors.get(0)).append(')');
        return new Compiled(null, Map.of(), null, ErrorKind.COMPILE, m.toString());
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
            errors.add((janino ? "janino" : "javac") + " failed: " + e);
        }
        return new Attempt(null, errors);
    }

    private static String format(Location location, String message, boolean janino) {
        String m = message == null ? "" : message;
        if (!janino) m = JAVAC_PREFIX.matcher(m).replaceFirst("");
        else if (location != null && m.startsWith(location + ": ")) m = m.substring(location.toString().length() + 2);
        if (location == null || location.getLineNumber() <= 0) return m;
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": " + m;
    }

    private static Compiled scanned(Tier tier, Map<String, byte[]> bytecodes, String returnTypeName) {
        BytecodeScanner.Result scan = BytecodeScanner.scan(bytecodes.values());
        if (scan.violation() != null) return new Compiled(tier, Map.of(), null, ErrorKind.FORBIDDEN, scan.violation());
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
        return new Compiled(tier, Map.copyOf(byName), entry.name(), null, null);
    }

    private static int rank(BytecodeScanner.ScannedClass c) {
        return (c.nested() ? 0 : 2) + (c.isPublic() ? 1 : 0);
    }

    /** javac insists the public class lives in a file of its name. */
    static String fileName(String source) {
        Matcher m = PUBLIC_CLASS.matcher(source);
        return (m.find() ? m.group(1) : "Candidate") + ".java";
    }
}
