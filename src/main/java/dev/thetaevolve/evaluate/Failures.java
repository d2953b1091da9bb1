package dev.thetaevolve.evaluate;

import java.util.Set;

/**
 * Formats what a candidate threw, in the worker, by itself: the class name, the message and the first frames
 * in the candidate's own classes, each capped ({@link Messages}). A Throwable a candidate made may override
 * {@code getMessage}, {@code getStackTrace} or {@code toString}; they are called only here, while the
 * candidate's clock still runs (before the RESULT frame), each inside its own catch, and the throwable's
 * {@code printStackTrace} and {@code toString} never.
 */
final class Failures {

    private Failures() {
    }

    private static final int FRAMES = 3;

    /**
     * @param own the candidate's class names (frames outside them are skipped); null for the worker's own
     *            failures, which show their first frames
     */
    static String describe(Throwable t, Set<String> own) {
        if (t == null) return "unknown failure";
        StringBuilder sb = new StringBuilder(Messages.cap(t.getClass().getName(), Messages.PART));
        if (t instanceof StackOverflowError) {
            sb.append(": recursion too deep for the worker stack");
        } else {
            try {
                String m = t.getMessage();
                if (m != null) sb.append(": ").append(Messages.cap(m, Messages.PART));
            } catch (Throwable inner) {
                sb.append(" (its message could not be read: ").append(Messages.cap(inner.getClass().getName(), 200)).append(')');
            }
        }
        try {
            StackTraceElement[] trace = t.getStackTrace();
            int n = 0;
            StackTraceElement previous = null;
            for (int i = 0; trace != null && i < trace.length && n < FRAMES; i++) {
                StackTraceElement e = trace[i];
                if (e == null || (own != null && !own.contains(e.getClassName())) || e.equals(previous)) continue;
                previous = e;
                sb.append("\n  at ").append(Messages.cap(e.getClassName(), 200)).append('.').append(Messages.cap(e.getMethodName(), 200))
                        .append(" (line ").append(e.getLineNumber()).append(')');
                n++;
            }
        } catch (Throwable inner) {
            sb.append("\n  (its stack trace could not be read)");
        }
        return Messages.cap(sb.toString(), Messages.WHOLE);
    }

    /**
     * Whether the JVM threw a VirtualMachineError (a stack overflow above all) in this failure: it may have
     * struck inside a library class's static initializer and left that class unusable for the next candidate.
     * Looks through the JDK's own wrappers only, calling nothing on the candidate's throwables.
     */
    static boolean jvmError(Throwable e) {
        return jvmErrorName(e) != null;
    }

    static String jvmErrorName(Throwable e) {
        for (int depth = 0; e != null && depth < 4; depth++) {
            if (e instanceof VirtualMachineError) return Messages.cap(e.getClass().getName(), 200);
            Class<?> k = e.getClass();
            // only the JVM makes these (candidates may not name the class): some class is now unusable here
            if (k == NoClassDefFoundError.class && e.getCause() == null) return k.getName();
            boolean jdkWrapper = k == java.lang.reflect.InvocationTargetException.class || k == ExceptionInInitializerError.class
                    || k == NoClassDefFoundError.class;
            e = jdkWrapper ? e.getCause() : null;
        }
        return null;
    }
}
