package dev.thetaevolve.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The in-memory index of a run's valid programs: islands in a ring, an elite archive, a MAP-Elites grid,
 * parent selection, migration and eviction (ThetaEvolve's scheme). It holds metadata only — id, fitness,
 * code length, grid cell, island memberships, archive flag — code stays in the store.
 *
 * <h2>Design</h2>
 *
 * <p><b>Frozen during a step.</b> A step samples all its parents (and inspirations) first, hands them to
 * workers by value, and adds nothing until every child of the step has a verdict; so every sample of a step
 * sees the same database. The database does not enforce this — it is single-writer and not thread-safe: one
 * thread (the engine's) calls every method, or calls are otherwise serialised.
 *
 * <p><b>How children commit.</b> At the end of a step the engine {@link #add adds} each valid child (invalid
 * ones live only in the store), in the store's commit order, with the island its parent was sampled for, then
 * calls {@link #commitStep} once. An add files the child on that island, in the population, in its grid cell
 * (where it becomes the cell's elite if it ranks above the occupant) and in the archive if it ranks among the
 * top {@code archiveSize}; then, if the population exceeds its cap, evicts the lowest-ranked program (which
 * may be the child itself). {@code commitStep} then, in this order: (1) advances by one the <i>generation</i>
 * of every island that received at least one child since the previous commitStep — an island's generation
 * counts the steps that committed a child into it; (2) migrates when the highest island generation has
 * advanced by {@code migrationInterval} since the last migration (OpenEvolve's rule); (3) rotates the current
 * island to the next in the ring when at least {@code rotateEvery} programs were added since the last
 * rotation — at most once per step, restarting the count, so a step larger than the period (512 children
 * against 100) still gives every island its turn instead of skipping ⌊512/100⌋ islands at a time.
 *
 * <p><b>Ranking and ties.</b> Fitness is higher-is-better (the engine passes score when maximizing, −score
 * when minimizing); equal fitness ranks the lower id first. This total order decides eviction, the archive,
 * grid elites, migration and top-k, so no decision depends on hash or insertion order.
 *
 * <p><b>Eviction.</b> A 4-ary heap over the population keeps the lowest-ranked program on top: eviction is
 * O(log n) per insert. The global best is never evicted — with two or more programs it is never the lowest.
 * The archive is exactly the top {@code archiveSize} of the population (a newcomer displaces the archive's
 * lowest, found on a second heap), and since {@code archiveSize ≤ populationCap} eviction never touches it.
 * An evicted program leaves every island it was on; its grid cell empties (being the global lowest, it was
 * its cell's elite only if alone there).
 *
 * <p><b>Migration.</b> Islands 0..n−1 form a ring. A migration first selects, for every island, its top
 * {@code max(1, ⌊size·migrationFraction⌋)} members (none when the fraction is 0), then copies each selected
 * program to both ring neighbours: the same program id joins the neighbour's membership, no new record is
 * made and a program already there is skipped. Selection happens before any copy, so migrants of this round
 * do not travel on. With one island nothing moves.
 *
 * <p><b>Grid.</b> Two dimensions, fitness and code length, {@code gridBins} each. Bounds are fixed when
 * configured (e.g. the problem's shaping range mapped to fitness: [A, B] when maximizing, [−B, −A] when
 * minimizing), else they adapt as described in {@link FeatureAxis}: reset to the observed range plus an
 * eighth either side whenever a value falls outside, followed by a re-bin of every program (O(n), amortized
 * O(1) per insert). The grid is global; it names cell elites for diverse inspirations.
 *
 * <p><b>Parent choice.</b> One {@code nextDouble} picks the route of the {@link Selection} mix, one
 * {@code nextInt} the member: uniform over the current island (the whole population if the island is empty),
 * over the archive's elites on the current island (the whole archive if there are none), or over the whole
 * population. Each draw is O(1).
 *
 * <p><b>Determinism and resume.</b> State is a function of the sequence of add/commitStep calls; draws are
 * a function of the state and the generator. Rebuilding the index by replaying the store's valid programs in
 * commit order, with a commitStep at every step boundary, reproduces the uninterrupted run's state exactly.
 *
 * <p><b>Memory.</b> Struct-of-arrays, nothing boxed: 29 bytes of slot record, about 25 bytes of id→slot map
 * (open addressing, at most half full), 12 bytes of population-heap entry (slot + fitness copy), 24 bytes
 * per island membership (about 1.5 per program once migrations have run). Measured at 10^6 programs with the
 * defaults: about 112 heap bytes per program (DatabaseBenchmark).
 */
public final class ProgramDatabase {
    private final DatabaseConfig config;
    private final Slots slots;
    private final Memberships memberships;
    private final RankHeap population;
    private final RankHeap archive;
    private final FeatureAxis scoreAxis;
    private final FeatureAxis lengthAxis;
    private final int bins;
    private final int[] cellElite;
    private final int[] cellCount;
    private final double islandThreshold;
    private final double archiveThreshold;

    private int bestSlot = -1;
    private int currentIsland;
    private final long[] islandGeneration;
    private final boolean[] receivedThisStep;
    private long lastMigrationGeneration;
    private long addedSinceRotation;
    private long committed;
    private long evictions;
    private long migrations;
    private long migratedCopies;
    private long rebins;
    private int occupiedCells;

    private ProgramDatabase(DatabaseConfig config) {
        this.config = config;
        int maxSlots = config.populationCap() + 1;
        this.slots = new Slots(maxSlots);
        this.memberships = new Memberships(config.islands(), Math.min(maxSlots, 1024));
        this.population = new RankHeap(slots, Math.min(maxSlots, 1024));
        this.archive = new RankHeap(slots, Math.min(config.archiveSize(), 1024));
        this.bins = config.gridBins();
        this.scoreAxis = config.scoreBounds().map(b -> FeatureAxis.fixed(bins, b)).orElseGet(() -> FeatureAxis.adaptive(bins));
        this.lengthAxis = config.lengthBounds().map(b -> FeatureAxis.fixed(bins, b)).orElseGet(() -> FeatureAxis.adaptive(bins));
        this.cellElite = new int[bins * bins];
        this.cellCount = new int[bins * bins];
        Arrays.fill(cellElite, -1);
        this.islandThreshold = config.selection().island();
        this.archiveThreshold = config.selection().island() + config.selection().archive();
        this.islandGeneration = new long[config.islands()];
        this.receivedThisStep = new boolean[config.islands()];
    }

    public static Builder builder() {
        return new Builder();
    }

    public DatabaseConfig config() {
        return config;
    }

    /**
     * Adds a valid program.
     *
     * @param fitness    higher is better; finite
     * @param codeLength characters of code, ≥ 0 (the grid's second feature)
     * @param island     the island the parent was sampled for; {@link #currentIsland()} for seeds
     * @throws IllegalArgumentException for a non-finite fitness, a negative length, an island out of range or
     *                                  an id already held; the database is then unchanged
     */
    public void add(long id, double fitness, int codeLength, int island) {
        if (!Double.isFinite(fitness)) throw new IllegalArgumentException("fitness must be finite, got '" + fitness + "'");
        if (codeLength < 0) throw new IllegalArgumentException("codeLength must be >= 0, got '" + codeLength + "'");
        if (island < 0 || island >= config.islands()) {
            throw new IllegalArgumentException("island must be in [0, " + config.islands() + "), got '" + island + "'");
        }
        if (slots.slotOf(id) >= 0) throw new IllegalArgumentException("id '" + id + "' is already in the database");

        int s = slots.allocate(id, fitness, codeLength);
        slots.firstMembership[s] = memberships.create(s, island);
        population.push(s);
        offerToArchive(s);
        if (bestSlot < 0 || slots.above(s, bestSlot)) bestSlot = s;
        boolean moved = scoreAxis.observe(fitness);
        moved |= lengthAxis.observe(codeLength);
        if (moved) {
            rebin();
        } else {
            slots.cell[s] = cellOf(s);
            place(s);
        }
        committed++;
        addedSinceRotation++;
        receivedThisStep[island] = true;
        if (slots.live() > config.populationCap()) evict(population.pop());
    }

    /**
     * Closes a step: advances island generations, migrates and rotates when due (see the class essay).
     * Call it once after adding a step's children — also after a step that added none.
     */
    public void commitStep() {
        long highest = 0;
        for (int i = 0; i < islandGeneration.length; i++) {
            if (receivedThisStep[i]) islandGeneration[i]++;
            receivedThisStep[i] = false;
            highest = Math.max(highest, islandGeneration[i]);
        }
        if (highest - lastMigrationGeneration >= config.migrationInterval()) {
            migrate();
            lastMigrationGeneration = highest;
        }
        if (addedSinceRotation >= config.rotateEvery()) {
            currentIsland = (currentIsland + 1) % config.islands();
            addedSinceRotation = 0;
        }
    }

    /** Draws a parent id for the current island. @throws IllegalStateException when empty */
    public long sampleParent(RandomGenerator rng) {
        return sample(rng).id();
    }

    /** Draws a parent and tells which route of the selection mix chose it. @throws IllegalStateException when empty */
    public Draw sample(RandomGenerator rng) {
        if (slots.live() == 0) throw new IllegalStateException("cannot sample a parent: the database is empty");
        double r = rng.nextDouble();
        if (r < islandThreshold) {
            IntList island = memberships.members[currentIsland];
            int s = island.size() > 0 ? memberships.slot[island.get(rng.nextInt(island.size()))] : anySlot(rng);
            return new Draw(slots.ids[s], Source.ISLAND);
        }
        if (r < archiveThreshold) {
            IntList elites = memberships.archived[currentIsland];
            int s = elites.size() > 0 ? memberships.slot[elites.get(rng.nextInt(elites.size()))] : archive.at(rng.nextInt(archive.size()));
            return new Draw(slots.ids[s], Source.ARCHIVE);
        }
        return new Draw(slots.ids[anySlot(rng)], Source.ALL);
    }

    /**
     * Programs to show beside a parent: the {@code topK} best members of the current island, best first,
     * then the elites of {@code diverse} distinct grid cells drawn uniformly among the occupied cells other
     * than those of the excluded program and of the top picks. Never contains excludeId or a duplicate;
     * shorter when not enough programs qualify. Draws from rng only for the diverse part.
     */
    public long[] inspirations(RandomGenerator rng, int topK, int diverse, long excludeId) {
        DatabaseConfig.atLeast("topK", topK, 0);
        DatabaseConfig.atLeast("diverse", diverse, 0);
        int excluded = slots.slotOf(excludeId);
        int[] top = topOfIsland(currentIsland, topK + (excluded >= 0 ? 1 : 0));
        long[] out = new long[topK + diverse];
        int n = 0;
        boolean[] usedCell = new boolean[cellElite.length];
        if (excluded >= 0) usedCell[slots.cell[excluded]] = true;
        for (int i = 0; i < top.length && n < topK; i++) {
            if (top[i] == excluded) continue;
            out[n++] = slots.ids[top[i]];
            usedCell[slots.cell[top[i]]] = true;
        }
        if (diverse > 0) {
            int[] cells = new int[occupiedCells];
            int candidates = 0;
            for (int c = 0; c < cellElite.length; c++) if (cellCount[c] > 0 && !usedCell[c]) cells[candidates++] = c;
            for (int picked = 0; picked < diverse && picked < candidates; picked++) {
                int j = picked + rng.nextInt(candidates - picked);
                int c = cells[j];
                cells[j] = cells[picked];
                out[n++] = slots.ids[cellElite[c]];
            }
        }
        return Arrays.copyOf(out, n);
    }

    public int currentIsland() {
        return currentIsland;
    }

    public OptionalLong bestId() {
        return bestSlot < 0 ? OptionalLong.empty() : OptionalLong.of(slots.ids[bestSlot]);
    }

    /** Fitness of the best program; NaN when empty. */
    public double bestFitness() {
        return bestSlot < 0 ? Double.NaN : slots.fitness[bestSlot];
    }

    public int size() {
        return slots.live();
    }

    public boolean contains(long id) {
        return slots.slotOf(id) >= 0;
    }

    /** @throws java.util.NoSuchElementException when id is not held */
    public double fitnessOf(long id) {
        return slots.fitness[slotOf(id)];
    }

    /** The island the program was added to. @throws java.util.NoSuchElementException when id is not held */
    public int islandOf(long id) {
        return memberships.island[slots.firstMembership[slotOf(id)]];
    }

    /** Every island the program is on (home plus migrations), ascending. @throws java.util.NoSuchElementException when id is not held */
    public int[] islandsOf(long id) {
        IntList out = new IntList(4);
        for (int m = slots.firstMembership[slotOf(id)]; m >= 0; m = memberships.next[m]) out.add(memberships.island[m]);
        int[] islands = out.toArray();
        Arrays.sort(islands);
        return islands;
    }

    /** @throws java.util.NoSuchElementException when id is not held */
    public boolean inArchive(long id) {
        return slots.archived[slotOf(id)];
    }

    /** The grid cell (fitness bin · gridBins + length bin). @throws java.util.NoSuchElementException when id is not held */
    public int cellOf(long id) {
        return slots.cell[slotOf(id)];
    }

    /** The ids on an island, in the order draws index them. O(island size). */
    public long[] islandMembers(int island) {
        IntList list = memberships.members[island];
        long[] ids = new long[list.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = slots.ids[memberships.slot[list.get(i)]];
        return ids;
    }

    /** The archive's ids, best first. O(archive · log archive). */
    public long[] archiveIds() {
        RankHeap sorted = new RankHeap(slots, archive.size());
        for (int i = 0; i < archive.size(); i++) sorted.push(archive.at(i));
        return idsOf(sorted.drainBestFirst());
    }

    public Stats stats() {
        List<Integer> sizes = new ArrayList<>(config.islands());
        List<Long> generations = new ArrayList<>(config.islands());
        for (int i = 0; i < config.islands(); i++) {
            sizes.add(memberships.members[i].size());
            generations.add(islandGeneration[i]);
        }
        return new Stats(size(), sizes, generations, archive.size(), occupiedCells, currentIsland, committed,
                evictions, migrations, migratedCopies, rebins, bestFitness());
    }

    /**
     * Checks every internal invariant and throws IllegalStateException naming the first broken one (a test
     * hook: heaps ordered, back-pointers consistent, archive = top of population, cell elites correct).
     */
    void verifyIntegrity() {
        check(population.size() == slots.live(), "population heap holds every program");
        check(population.isHeap() && archive.isHeap(), "heap order");
        check(memberships.consistent(), "membership back-pointers");
        check(archive.size() == Math.min(config.archiveSize(), slots.live()), "archive is full or holds everyone");
        int[] count = new int[cellElite.length];
        int[] elite = new int[cellElite.length];
        Arrays.fill(elite, -1);
        int archived = 0;
        int memberCount = 0;
        for (int i = 0; i < population.size(); i++) {
            int s = population.at(i);
            check(slots.slotOf(slots.ids[s]) == s, "id map points at slot");
            check(slots.cell[s] == cellOf(s), "cell matches features");
            count[slots.cell[s]]++;
            if (elite[slots.cell[s]] < 0 || slots.above(s, elite[slots.cell[s]])) elite[slots.cell[s]] = s;
            if (slots.archived[s]) archived++;
            check(bestSlot == s || slots.above(bestSlot, s), "best ranks above every program");
            for (int m = slots.firstMembership[s]; m >= 0; m = memberships.next[m]) {
                check(memberships.slot[m] == s, "membership chain belongs to its slot");
                check(memberships.isArchived(m) == slots.archived[s], "archive lists follow the archive flag");
                memberCount++;
            }
        }
        check(memberCount == memberships.live(), "every membership is chained");
        check(archived == archive.size(), "archive flags match the archive");
        if (archive.size() > 0 && archive.size() < slots.live()) {
            int lowestElite = archive.top();
            for (int i = 0; i < population.size(); i++) {
                int s = population.at(i);
                check(slots.archived[s] || slots.above(lowestElite, s), "archive is the top of the population");
            }
        }
        check(Arrays.equals(count, cellCount) && Arrays.equals(elite, cellElite), "grid counts and elites");
    }

    private static void check(boolean ok, String invariant) {
        if (!ok) throw new IllegalStateException("invariant broken: " + invariant);
    }

    private int slotOf(long id) {
        int s = slots.slotOf(id);
        if (s < 0) throw new java.util.NoSuchElementException("id '" + id + "' is not in the database");
        return s;
    }

    private int anySlot(RandomGenerator rng) {
        return population.at(rng.nextInt(population.size()));
    }

    private long[] idsOf(int[] slotList) {
        long[] ids = new long[slotList.length];
        for (int i = 0; i < ids.length; i++) ids[i] = slots.ids[slotList[i]];
        return ids;
    }

    private void offerToArchive(int s) {
        if (archive.size() < config.archiveSize()) {
            archive.push(s);
            setArchived(s, true);
        } else if (slots.above(s, archive.top())) {
            setArchived(archive.replaceTop(s), false);
            setArchived(s, true);
        }
    }

    private void setArchived(int s, boolean archived) {
        slots.archived[s] = archived;
        for (int m = slots.firstMembership[s]; m >= 0; m = memberships.next[m]) {
            if (archived) memberships.archive(m);
            else memberships.unarchive(m);
        }
    }

    private void evict(int s) {
        if (slots.archived[s] || s == bestSlot) throw new IllegalStateException("bug: evicting an elite");
        int c = slots.cell[s];
        if (--cellCount[c] == 0) occupiedCells--;
        if (cellElite[c] == s) {
            if (cellCount[c] != 0) throw new IllegalStateException("bug: the lowest program was a shared cell's elite");
            cellElite[c] = -1;
        }
        for (int m = slots.firstMembership[s]; m >= 0; ) {
            int next = memberships.next[m];
            memberships.destroy(m);
            m = next;
        }
        slots.release(s);
        evictions++;
    }

    private void migrate() {
        int islands = config.islands();
        if (islands == 1) return;
        int[][] migrants = new int[islands][];
        for (int i = 0; i < islands; i++) {
            int size = memberships.members[i].size();
            int k = config.migrationFraction() == 0 || size == 0 ? 0 : Math.max(1, (int) Math.floor(size * config.migrationFraction()));
            migrants[i] = topOfIsland(i, k);
        }
        for (int i = 0; i < islands; i++) {
            for (int s : migrants[i]) {
                join(s, (i + 1) % islands);
                join(s, (i + islands - 1) % islands);
            }
        }
        migrations++;
    }

    /** Adds slot s to island i unless it is already there. */
    private void join(int s, int i) {
        int last = -1;
        for (int m = slots.firstMembership[s]; m >= 0; m = memberships.next[m]) {
            if (memberships.island[m] == i) return;
            last = m;
        }
        int m = memberships.create(s, i);
        memberships.next[last] = m;
        if (slots.archived[s]) memberships.archive(m);
        migratedCopies++;
    }

    /** The k highest-ranked members of island i, best first. */
    private int[] topOfIsland(int i, int k) {
        if (k == 0) return new int[0];
        // Archive members outrank all others, so the island's elites suffice when there are enough of them.
        IntList elites = memberships.archived[i];
        IntList list = elites.size() >= k ? elites : memberships.members[i];
        RankHeap best = new RankHeap(slots, Math.min(k, list.size()));
        for (int p = 0; p < list.size(); p++) best.offerBounded(memberships.slot[list.get(p)], k);
        return best.drainBestFirst();
    }

    private int cellOf(int s) {
        return scoreAxis.bin(slots.fitness[s]) * bins + lengthAxis.bin(slots.codeLength[s]);
    }

    private void place(int s) {
        int c = slots.cell[s];
        if (cellCount[c]++ == 0) occupiedCells++;
        if (cellElite[c] < 0 || slots.above(s, cellElite[c])) cellElite[c] = s;
    }

    private void rebin() {
        Arrays.fill(cellElite, -1);
        Arrays.fill(cellCount, 0);
        occupiedCells = 0;
        for (int i = 0; i < population.size(); i++) {
            int s = population.at(i);
            slots.cell[s] = cellOf(s);
            place(s);
        }
        rebins++;
    }

    /**
     * Builds a {@link ProgramDatabase}; every setter validates at once (IllegalArgumentException naming the
     * option and quoting the value) and {@link #build} checks conflicts (IllegalStateException). Defaults
     * are ThetaEvolve's; gridBins and rotateEvery derive from the other settings unless set.
     */
    public static final class Builder {
        private int populationCap = 10_000;
        private int archiveSize = 1_000;
        private int islands = 10;
        private Integer gridBins;
        private Integer rotateEvery;
        private int migrationInterval = 50;
        private double migrationFraction = 0.1;
        private Selection selection = Selection.THETAEVOLVE;
        private Bounds scoreBounds;
        private Bounds lengthBounds;

        private Builder() {
        }

        /** Most programs held (default 10,000); the lowest-ranked is evicted beyond it. */
        public Builder populationCap(int populationCap) {
            DatabaseConfig.atLeast("populationCap", populationCap, 1);
            DatabaseConfig.atMost("populationCap", populationCap, Integer.MAX_VALUE - 16);
            this.populationCap = populationCap;
            return this;
        }

        /** Elite archive size (default 1,000). */
        public Builder archiveSize(int archiveSize) {
            DatabaseConfig.atLeast("archiveSize", archiveSize, 1);
            this.archiveSize = archiveSize;
            return this;
        }

        /** Number of islands (default 10). */
        public Builder islands(int islands) {
            DatabaseConfig.atLeast("islands", islands, 1);
            DatabaseConfig.atMost("islands", islands, DatabaseConfig.MAX_ISLANDS);
            this.islands = islands;
            return this;
        }

        /** Bins per grid dimension (default max(10, ⌈√archiveSize⌉) = 32). */
        public Builder gridBins(int gridBins) {
            DatabaseConfig.atLeast("gridBins", gridBins, 1);
            DatabaseConfig.atMost("gridBins", gridBins, DatabaseConfig.MAX_BINS);
            this.gridBins = gridBins;
            return this;
        }

        /** Added programs between island rotations (default populationCap/(islands·10) = 100). */
        public Builder rotateEvery(int rotateEvery) {
            DatabaseConfig.atLeast("rotateEvery", rotateEvery, 1);
            this.rotateEvery = rotateEvery;
            return this;
        }

        /** Island generations between migrations (default 50). */
        public Builder migrationInterval(int migrationInterval) {
            DatabaseConfig.atLeast("migrationInterval", migrationInterval, 1);
            this.migrationInterval = migrationInterval;
            return this;
        }

        /** Share of each island copied to both neighbours (default 0.1; 0 disables migration). */
        public Builder migrationFraction(double migrationFraction) {
            if (!(migrationFraction >= 0 && migrationFraction <= 1)) {
                throw new IllegalArgumentException("migrationFraction must be in [0, 1], got '" + migrationFraction + "'");
            }
            this.migrationFraction = migrationFraction;
            return this;
        }

        /** Parent-choice mix: island, archive, all (default 0.2, 0.6, 0.2). */
        public Builder selection(double island, double archive, double all) {
            this.selection = new Selection(island, archive, all);
            return this;
        }

        /** Fixed fitness bounds of the grid instead of adaptive ones. */
        public Builder scoreBounds(double low, double high) {
            this.scoreBounds = new Bounds(low, high);
            return this;
        }

        /** Fixed code-length bounds of the grid instead of adaptive ones. */
        public Builder lengthBounds(int low, int high) {
            this.lengthBounds = new Bounds(low, high);
            return this;
        }

        public DatabaseConfig config() {
            return new DatabaseConfig(populationCap, archiveSize, islands,
                    gridBins != null ? gridBins : DatabaseConfig.defaultBins(archiveSize),
                    rotateEvery != null ? rotateEvery : DatabaseConfig.defaultRotateEvery(populationCap, islands),
                    migrationInterval, migrationFraction, selection,
                    Optional.ofNullable(scoreBounds), Optional.ofNullable(lengthBounds));
        }

        public ProgramDatabase build() {
            return new ProgramDatabase(config());
        }
    }
}
