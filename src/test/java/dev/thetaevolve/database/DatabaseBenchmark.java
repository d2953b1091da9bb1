package dev.thetaevolve.database;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prints the index's figures at scale (not a test): ns per insert (filling, then with eviction active), ns
 * per parent draw and per inspirations call, heap bytes per program, and the time to rebuild the index by
 * replaying its adds (the resume path). Times are the main thread's CPU time, since the machines are shared. Run after {@code mvn test-compile}:
 * <pre>java -Xmx2g -cp target/classes:target/test-classes dev.thetaevolve.database.DatabaseBenchmark [programs]</pre>
 */
public final class DatabaseBenchmark {
    private static final int STEP = 512;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Workload work = new Workload(2 * n, 7);
        ProgramDatabase.Builder settings = ProgramDatabase.builder().populationCap(n);
        System.out.printf("programs %,d (cap), defaults otherwise: %s%n", n, settings.config());

        // Warm up the JIT on a smaller copy of the same work.
        for (int round = 0; round < 3; round++) {
            ProgramDatabase warm = ProgramDatabase.builder().populationCap(n / 10).build();
            fill(warm, work, 0, n / 5);
            sampleNanos(warm, n / 5);
        }

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeap(memory);
        ProgramDatabase db = settings.build();
        long t0 = cpuNanos();
        fill(db, work, 0, n);
        long fillNanos = cpuNanos() - t0;
        long afterFill = usedHeap(memory);
        System.out.printf("insert, filling to cap:      %6.0f ns/program%n", fillNanos / (double) n);
        System.out.printf("heap after fill:             %6.1f bytes/program (%,d bytes)%n",
                (afterFill - before) / (double) n, afterFill - before);

        double[] sample = new double[5];
        for (int i = 0; i < sample.length; i++) sample[i] = sampleNanos(db, 1_000_000);
        Arrays.sort(sample);
        System.out.printf("sampleParent at %,d:     %6.0f ns/draw (median of 5 × 10^6; best %.0f)%n", n, sample[2], sample[0]);
        System.out.printf("inspirations(3 top, 2 diverse): %6.0f ns/call%n", inspirationNanos(db, 20_000));

        t0 = cpuNanos();
        fill(db, work, n, 2 * n);
        long evictNanos = cpuNanos() - t0;
        long afterEvict = usedHeap(memory);
        System.out.printf("insert at cap (evicting):    %6.0f ns/program%n", evictNanos / (double) n);
        System.out.printf("heap at cap after %,d evictions: %6.1f bytes/program%n", db.stats().evictions(),
                (afterEvict - before) / (double) n);
        System.out.println("stats: " + brief(db.stats()));

        double[] rebuild = new double[3];
        for (int i = 0; i < rebuild.length; i++) {
            ProgramDatabase replayed = settings.build();
            t0 = cpuNanos();
            fill(replayed, work, 0, n);
            rebuild[i] = (cpuNanos() - t0) / 1e6;
        }
        Arrays.sort(rebuild);
        System.out.printf("rebuild by replaying %,d adds: %6.0f ms (median of 3)%n", n, rebuild[1]);
        ProgramDatabase full = settings.build();
        t0 = cpuNanos();
        fill(full, work, 0, 2 * n);
        System.out.printf("rebuild by replaying %,d adds (with %,d evictions): %6.0f ms; same state: %s%n", 2 * n,
                full.stats().evictions(), (cpuNanos() - t0) / 1e6, full.stats().equals(db.stats()));
        Reference.reachabilityFence(db);
    }

    /** Adds programs [from, to) in steps of 512 on the current island, as the engine commits them. */
    static void fill(ProgramDatabase db, Workload work, int from, int to) {
        for (int i = from; i < to; i++) {
            db.add(work.ids[i], work.fitness[i], work.lengths[i], db.currentIsland());
            if ((i + 1) % STEP == 0) db.commitStep();
        }
    }

    static double sampleNanos(ProgramDatabase db, int draws) {
        SplittableRandom rng = new SplittableRandom(draws);
        long sink = 0;
        long t0 = cpuNanos();
        for (int i = 0; i < draws; i++) sink += db.sampleParent(rng);
        long elapsed = cpuNanos() - t0;
        if (sink == 42) System.out.print("");
        return elapsed / (double) draws;
    }

    static double inspirationNanos(ProgramDatabase db, int calls) {
        SplittableRandom rng = new SplittableRandom(calls);
        long sink = 0;
        long t0 = cpuNanos();
        for (int i = 0; i < calls; i++) sink += db.inspirations(rng, 3, 2, db.sampleParent(rng)).length;
        long elapsed = cpuNanos() - t0;
        if (sink == 42) System.out.print("");
        return elapsed / (double) calls;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** This thread's CPU time: the machine is shared, so wall time would charge us for other processes. */
    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static long usedHeap(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String brief(Stats s) {
        return "size=" + s.size() + " archive=" + s.archiveSize() + " cells=" + s.occupiedCells() + " migrations="
                + s.migrations() + " copies=" + s.migratedCopies() + " rebins=" + s.rebins() + " islandSizes=" + s.islandSizes();
    }

    /** Children of a run: fitness a noisy slow climb (new records keep coming), lengths around 1,500 chars. */
    static final class Workload {
        final long[] ids;
        final double[] fitness;
        final int[] lengths;

        Workload(int n, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            ids = new long[n];
            fitness = new double[n];
            lengths = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
                double u = rng.nextDouble();
                fitness[i] = 2.0 + 0.3 * Math.log(u / (1 - u)) / 4 + i * 1e-7;
                lengths[i] = Math.max(50, (int) (1_500 + 400 * (rng.nextDouble() + rng.nextDouble() - 1)));
            }
        }
    }
}
