package dev.thetaevolve.evaluate;

import java.util.Set;

/**
 * What candidate code may reference, at class and at member level. Names are JVM internal names
 * ({@code java/lang/Math}); descriptors are JVM descriptors. Stateless and thread-safe.
 *
 * <p>Allowed: the java.lang basics (math, boxes, strings, common exceptions; {@code System} only for
 * {@code nanoTime}, {@code currentTimeMillis}, {@code arraycopy}, {@code identityHashCode} and the
 * {@code out}/{@code err} streams, which the worker points at a bounded sink), java.util with its
 * function, stream, regex and random sub-packages (not concurrent, prefs, logging, jar, zip, spi, nor
 * ServiceLoader, Formatter, Scanner, Timer, ResourceBundle, Properties), java.math and commons-math3
 * (not ValueServer). A member is refused when its owner is refused, when its descriptor mentions a
 * refused type (this shuts every java.io/java.net/java.nio door of an allowed class), or when it is on the
 * member deny list (reflection, system properties, global defaults, parallel execution). The scan applies
 * these rules to the class a member resolves to as well as to its symbolic owner, and refuses
 * process-wide mutable state of every allowed library as a category ({@link LibraryMembers}).
 *
 * <p>Allowing {@code System.out} is a deliberate widening of "System.out is forbidden": seed programs
 * print in {@code main}, models add debug prints, and in the worker both streams write into a bounded
 * in-memory sink, so printing can neither leak nor flood anything.
 */
final class AllowList {

    private AllowList() {
    }

    /** java.lang classes a candidate may name; members are further restricted below. */
    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "StringBuffer", "AbstractStringBuilder", "CharSequence", "Appendable",
            "Math", "StrictMath", "Number", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character",
            "Void", "Comparable", "Iterable", "Cloneable", "Runnable", "AutoCloseable", "Enum", "Record", "System", "Class",
            "Override", "Deprecated", "SafeVarargs", "FunctionalInterface", "SuppressWarnings", "StackTraceElement",
            "Throwable", "Exception", "RuntimeException", "Error", "AssertionError", "StackOverflowError", "OutOfMemoryError",
            "ArithmeticException", "ArrayIndexOutOfBoundsException", "ArrayStoreException", "ClassCastException",
            "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException", "NegativeArraySizeException",
            "NullPointerException", "NumberFormatException", "UnsupportedOperationException",
            "StringIndexOutOfBoundsException", "CloneNotSupportedException", "InterruptedException",
            // what javac emits for enum switches and exhaustive switches
            "NoSuchFieldError", "IncompatibleClassChangeError", "MatchException");

    private static final Set<String> LANG_PREFIXES_ALLOWED = Set.of("java/lang/Character$", "java/lang/Enum$EnumDesc");

    /** Types that only appear as markers or in descriptors; harmless to name. */
    private static final Set<String> MARKER_TYPES = Set.of(
            "java/io/Serializable", "java/lang/constant/Constable", "java/lang/constant/ConstantDesc", "java/io/PrintStream",
            // PrintStream's ancestors: the compiler must see them; their members stay refused
            "java/io/FilterOutputStream", "java/io/OutputStream", "java/io/Closeable", "java/io/Flushable");

    private static final String[] UTIL_DENIED_PACKAGES = {
            "java/util/concurrent/", "java/util/prefs/", "java/util/logging/", "java/util/jar/", "java/util/zip/",
            "java/util/spi/"};

    private static final Set<String> UTIL_DENIED_CLASSES = Set.of(
            "java/util/ServiceLoader", "java/util/Formatter", "java/util/Scanner", "java/util/Timer", "java/util/TimerTask",
            "java/util/ResourceBundle", "java/util/PropertyResourceBundle", "java/util/ListResourceBundle",
            "java/util/Properties", "java/util/stream/StreamSupport");

    /**
     * Search mode's candidate-visible classes: the objective (its factory names types off this list, so
     * a candidate can only use the one the harness hands it) and the solver toolkit. None has static
     * mutable state, so nothing carries over from one evaluation to the next.
     */
    private static final Set<String> SEARCH_TOOLKIT = Set.of("dev/thetaevolve/search/Objective", "dev/thetaevolve/search/Lbfgs");

    private static final Set<String> MATH3_DENIED_CLASSES = Set.of(
            "org/apache/commons/math3/random/ValueServer");

    /** The only System members: clocks, arraycopy and the sink-backed print streams. */
    private static final Set<String> SYSTEM_MEMBERS = Set.of(
            // the contract: nanoTime, currentTimeMillis and arraycopy only (identityHashCode is inert);
            // printing is off too, so nothing a candidate writes can reach the worker's frame channel
            "nanoTime", "currentTimeMillis", "arraycopy", "identityHashCode");

    /** Class members that do not reach into reflection, class loading or resources. */
    private static final Set<String> CLASS_MEMBERS = Set.of(
            "getName", "getSimpleName", "getTypeName", "isInstance", "cast", "isArray", "isPrimitive", "isEnum",
            "getComponentType", "getEnumConstants", "desiredAssertionStatus", "toString", "hashCode", "equals");

    /** PrintStream members usable on System.out/err; no constructor, so no way to open a file. */
    private static final Set<String> PRINT_MEMBERS = Set.of(
            "print", "println", "printf", "format", "flush", "append", "write", "checkError");

    /**
     * Whether candidate code may name this class at all (as a type, owner, ldc constant or super type).
     * Arrays are judged by their element type.
     */
    static boolean classAllowed(String internalName) {
        String n = elementName(internalName);
        if (n == null) return true; // primitive array
        if (n.startsWith("java/lang/")) {
            String simple = n.substring("java/lang/".length());
            if (JAVA_LANG.contains(simple)) return true;
            if (n.startsWith("java/lang/annotation/")) return true; // annotation types; Janino requires Retention
            for (String p : LANG_PREFIXES_ALLOWED) if (n.startsWith(p)) return true;
            return MARKER_TYPES.contains(n);
        }
        if (MARKER_TYPES.contains(n)) return true;
        if (n.startsWith("java/util/")) {
            for (String p : UTIL_DENIED_PACKAGES) if (n.startsWith(p)) return false;
            return !UTIL_DENIED_CLASSES.contains(outer(n));
        }
        if (n.startsWith("java/math/")) return true;
        if (n.startsWith("org/apache/commons/math3/")) return !MATH3_DENIED_CLASSES.contains(outer(n));
        return SEARCH_TOOLKIT.contains(outer(n));
    }

    /**
     * Why candidate code may not use this member, or null when it may. {@code owner} must already pass
     * {@link #classAllowed}; the caller resolves members inherited by the candidate's own classes.
     */
    static String memberDenial(String owner, String name, String descriptor) {
        String where = dotted(owner) + "." + name;
        String badType = firstDeniedType(descriptor);
        if (badType != null) return where + " mentions " + dotted(badType) + ", which is not on the allow-list";
        if (name.equals("getClass") && descriptor.equals("()Ljava/lang/Class;")) {
            return where + "() (getClass-based reflection) is not allowed";
        }
        if (name.equals("finalize")) return where + " (finalizers) is not allowed";
        switch (owner) {
            case "java/lang/System":
                return SYSTEM_MEMBERS.contains(name) ? null
                        : where + " is not allowed (System offers only nanoTime, currentTimeMillis, arraycopy, identityHashCode)";
            case "java/lang/Class":
                return CLASS_MEMBERS.contains(name) ? null : where + " (reflection) is not allowed";
            case "java/io/PrintStream":
                return PRINT_MEMBERS.contains(name) ? null : where + " is not allowed (only printing to System.out/err)";
            case "java/lang/Integer":
            case "java/lang/Long":
            case "java/lang/Boolean":
                if (name.equals("getInteger") || name.equals("getLong") || name.equals("getBoolean")) {
                    return where + " reads system properties and is not allowed";
                }
                return null;
            case "java/util/Locale":
            case "java/util/TimeZone":
                return name.equals("setDefault") ? where + " changes worker-wide state and is not allowed" : null;
            default:
                if (owner.startsWith("java/util/") && name.startsWith("parallel")) {
                    return where + " runs on other threads and is not allowed; use the sequential form";
                }
                if (MARKER_TYPES.contains(owner) && !owner.equals("java/io/PrintStream")) {
                    return where + " is not allowed";
                }
                return null;
        }
    }

    /** The first type in a field or method descriptor that {@link #classAllowed} refuses, or null. */
    static String firstDeniedType(String descriptor) {
        int i = 0;
        while (i < descriptor.length()) {
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                if (end < 0) return descriptor; // malformed: refuse
                String type = descriptor.substring(i + 1, end);
                if (!classAllowed(type)) return type;
                i = end + 1;
            } else {
                i++;
            }
        }
        return null;
    }

    /** Element class of an array internal name ({@code [[Ljava/lang/String;} -> {@code java/lang/String}); null for primitives. */
    static String elementName(String internalName) {
        if (!internalName.startsWith("[")) return internalName;
        String e = internalName.replaceFirst("^\\[+", "");
        if (e.startsWith("L") && e.endsWith(";")) return e.substring(1, e.length() - 1);
        return null;
    }

    static String dotted(String internalName) {
        String e = elementName(internalName);
        if (e == null) return internalName;
        return e.replace('/', '.');
    }

    private static String outer(String n) {
        int d = n.indexOf('$');
        return d < 0 ? n : n.substring(0, d);
    }
}
