package dev.thetaevolve.evaluate;

import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * The process-wide state of a worker JVM that one candidate could leave behind for the next: live threads,
 * the default time zone and locales, the standard streams, and static fields of library classes known to
 * hold shared mutable objects (compared by identity and, for serializable values such as random
 * generators, by their serialized state). The bytecode scan refuses every way to change these that we know
 * of; this is the second net. A worker captures it after warm-up and compares after every evaluation,
 * before it answers (so under the candidate's clock); on any change it answers and then exits, and the
 * pool replaces it.
 */
final class WorkerState {

    /**
     * Library statics that hold one shared mutable object ({@code class#field}). Classes that are not on
     * the worker's class path are skipped.
     */
    static final List<String> KNOWN_STATICS = List.of(
            "org.apache.commons.math3.genetics.GeneticAlgorithm#randomGenerator",
            "org.apache.commons.math3.optimization.direct.CMAESOptimizer#DEFAULT_RANDOMGENERATOR");

    private static final Field DEFAULT_TIME_ZONE = accessible(TimeZone.class, "defaultTimeZone");
    private static final java.util.concurrent.atomic.AtomicBoolean DEFAULT_TIME_ZONE_SET = new java.util.concurrent.atomic.AtomicBoolean();

    private final Set<Thread> threads;
    private final Object timeZone;
    private final Locale locale;
    private final Locale displayLocale;
    private final Locale formatLocale;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, Object> statics;
    private final Map<String, Long> staticDigests;

    private WorkerState() {
        threads = liveThreads();
        timeZone = defaultTimeZone();
        locale = Locale.getDefault();
        displayLocale = Locale.getDefault(Locale.Category.DISPLAY);
        formatLocale = Locale.getDefault(Locale.Category.FORMAT);
        out = System.out;
        err = System.err;
        in = System.in;
        statics = new LinkedHashMap<>();
        staticDigests = new LinkedHashMap<>();
        for (String s : KNOWN_STATICS) {
            Field f = staticField(s);
            if (f == null) continue;
            try {
                Object v = f.get(null);
                statics.put(s, v);
                staticDigests.put(s, digest(v));
            } catch (IllegalAccessException e) {
                // not readable here: nothing to compare
            }
        }
    }

    /** The state now (loads and initialises the known library classes on first use). */
    static WorkerState capture() {
        return new WorkerState();
    }

    /** What differs from {@code baseline} (threads that have ended are fine), or null when nothing does. */
    String changeSince(WorkerState baseline) {
        for (Thread t : threads) {
            if (!baseline.threads.contains(t) && t.isAlive()) {
                return "a thread the evaluation started is still running (" + Messages.cap(t.getName(), 100) + ")";
            }
        }
        if (timeZone != baseline.timeZone) return "the default time zone changed";
        if (!locale.equals(baseline.locale) || !displayLocale.equals(baseline.displayLocale) || !formatLocale.equals(baseline.formatLocale)) {
            return "the default locale changed";
        }
        if (out != baseline.out || err != baseline.err || in != baseline.in) return "a standard stream was replaced";
        for (Map.Entry<String, Object> e : baseline.statics.entrySet()) {
            if (statics.get(e.getKey()) != e.getValue()) return e.getKey().replace('#', '.') + " was replaced";
            if (!staticDigests.get(e.getKey()).equals(baseline.staticDigests.get(e.getKey()))) {
                return "the state of " + e.getKey().replace('#', '.') + " changed";
            }
        }
        return null;
    }

    private static Set<Thread> liveThreads() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) g = g.getParent();
        Thread[] a;
        int n;
        do {
            a = new Thread[g.activeCount() + 16];
            n = g.enumerate(a, true);
        } while (n == a.length);
        Set<Thread> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < n; i++) out.add(a[i]);
        return out;
    }

    /**
     * The default zone object itself when the worker may read it (the worker JVM opens java.util to itself),
     * so a planted TimeZone subclass is seen without calling it; else the class and ID of a copy.
     */
    private static Object defaultTimeZone() {
        if (DEFAULT_TIME_ZONE != null) {
            if (DEFAULT_TIME_ZONE_SET.compareAndSet(false, true)) TimeZone.getDefault(); // it is set lazily, on first use
            try {
                Object z = DEFAULT_TIME_ZONE.get(null);
                if (z != null) return z;
            } catch (IllegalAccessException e) {
                // fall through
            }
        }
        TimeZone z = TimeZone.getDefault();
        return (z.getClass().getName() + " " + z.getID()).intern();
    }

    private static long digest(Object v) {
        if (!(v instanceof Serializable)) return 0;
        Crc sink = new Crc();
        try (ObjectOutputStream o = new ObjectOutputStream(sink)) {
            o.writeObject(v);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return sink.crc.getValue();
    }

    /** An output stream that only sums what passes through it. */
    private static final class Crc extends OutputStream {
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

        @Override
        public void write(int b) {
            crc.update(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
        }
    }

    private static Field staticField(String spec) {
        int hash = spec.indexOf('#');
        try {
            Class<?> c = Class.forName(spec.substring(0, hash), true, WorkerState.class.getClassLoader());
            Field f = c.getDeclaredField(spec.substring(hash + 1));
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Field accessible(Class<?> c, String name) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // java.util not opened to us (in-process tests): compare a copy instead
        }
    }
}
