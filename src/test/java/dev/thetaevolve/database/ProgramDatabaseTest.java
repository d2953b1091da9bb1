package dev.thetaevolve.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProgramDatabaseTest {

    /** One cell of the settings matrix. */
    record Setting(int islands, int archive, int bins, int cap) {
        ProgramDatabase build() {
            return ProgramDatabase.builder().islands(islands).archiveSize(archive).gridBins(bins).populationCap(cap)
                    .rotateEvery(7).migrationInterval(3).build();
        }
    }

    static Stream<Setting> matrix() {
        List<Setting> out = new ArrayList<>();
        for (int islands : new int[] {1, 3, 10})
            for (int archive : new int[] {1, 20, 150})
                for (int bins : new int[] {1, 5, 32})
                    for (int cap : new int[] {40, 400})
                        if (archive <= cap) out.add(new Setting(islands, archive, bins, cap));
        return out.stream();
    }

    /** A program as the test remembers it. */
    record Program(long id, double fitness, int length, int island) {
    }

    static final Comparator<Program> BEST_FIRST =
            Comparator.comparingDouble(Program::fitness).reversed().thenComparingLong(Program::id);

    /**
     * A deterministic script of steps: each step adds 0..2·perStep programs with fitness drawn from a coarse
     * set (so ties happen), lengths over a wide range, islands mostly the current one.
     */
    static List<List<Program>> script(long seed, int steps, int perStep, int islands) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<Program>> out = new ArrayList<>();
        long id = 1;
        for (int s = 0; s < steps; s++) {
            List<Program> step = new ArrayList<>();
            int n = rng.nextInt(2 * perStep + 1);
            for (int i = 0; i < n; i++) {
                double fitness = rng.nextInt(200) / 10.0 - 5 + s * 0.01;
                int island = rng.nextInt(4) == 0 ? rng.nextInt(islands) : -1;
                step.add(new Program(id++, fitness, 100 + rng.nextInt(5_000), island));
            }
            out.add(step);
        }
        return out;
    }

    /** Replays a script; island -1 means "the current island"; afterStep runs after each commitStep. */
    static List<Program> replay(ProgramDatabase db, List<List<Program>> script, Consumer<ProgramDatabase> afterStep) {
        List<Program> added = new ArrayList<>();
        for (List<Program> step : script) {
            int current = db.currentIsland();
            for (Program p : step) {
                int island = p.island() < 0 ? current : p.island();
                db.add(p.id(), p.fitness(), p.length(), island);
                added.add(new Program(p.id(), p.fitness(), p.length(), island));
            }
            db.commitStep();
            afterStep.accept(db);
        }
        return added;
    }

    // ---------------------------------------------------------------- invariants

    @ParameterizedTest
    @MethodSource("matrix")
    void randomOps_keepInvariants(Setting setting) {
        ProgramDatabase db = setting.build();
        List<Program> added = replay(db, script(setting.hashCode(), 120, 6, setting.islands()), d -> {
            d.verifyIntegrity();
            assertPublicInvariants(d, setting);
        });
        // Eviction always drops the global lowest, so what remains is the top `cap` of everything added.
        List<Program> expected = added.stream().sorted(BEST_FIRST).limit(setting.cap()).toList();
        assertThat(db.size()).isEqualTo(expected.size());
        expected.forEach(p -> assertThat(db.contains(p.id())).as("id %d kept", p.id()).isTrue());
        assertThat(db.bestId()).hasValue(expected.get(0).id());
        assertThat(db.archiveIds()).containsExactly(expected.stream().limit(setting.archive()).mapToLong(Program::id).toArray());
        assertThat(db.stats().evictions()).isEqualTo(added.size() - expected.size());
    }

    private static void assertPublicInvariants(ProgramDatabase db, Setting setting) {
        Stats stats = db.stats();
        assertThat(stats.size()).isEqualTo(db.size()).isLessThanOrEqualTo(setting.cap());
        assertThat(stats.archiveSize()).isEqualTo(Math.min(setting.archive(), db.size()));
        assertThat(stats.occupiedCells()).isBetween(db.size() == 0 ? 0 : 1, setting.bins() * setting.bins());
        assertThat(stats.currentIsland()).isBetween(0, setting.islands() - 1);
        Set<Long> population = new HashSet<>();
        int memberships = 0;
        for (int i = 0; i < setting.islands(); i++) {
            long[] members = db.islandMembers(i);
            assertThat(members).hasSize(stats.islandSizes().get(i)).doesNotHaveDuplicates();
            memberships += members.length;
            for (long id : members) {
                population.add(id);
                assertThat(db.islandsOf(id)).contains(i);
            }
        }
        assertThat(population).hasSize(db.size());
        assertThat(memberships).isLessThanOrEqualTo(db.size() * setting.islands());
        for (long id : population) {
            assertThat(IntStream.of(db.islandsOf(id)).boxed()).allMatch(i -> i >= 0 && i < setting.islands()).contains(db.islandOf(id));
            assertThat(db.fitnessOf(id)).isLessThanOrEqualTo(db.bestFitness());
        }
        for (long id : db.archiveIds()) {
            assertThat(population).contains(id);
            assertThat(db.inArchive(id)).isTrue();
        }
        if (db.size() > 0) assertThat(db.fitnessOf(db.bestId().orElseThrow())).isEqualTo(db.bestFitness());
    }

    // ---------------------------------------------------------------- determinism

    @ParameterizedTest
    @MethodSource("matrix")
    void replay_sameOpsAndSeed_giveIdenticalStateAndSamples(Setting setting) {
        List<List<Program>> script = script(42, 80, 8, setting.islands());
        ProgramDatabase live = setting.build();
        // The live run samples between steps (as the engine does); the rebuilt one only replays adds.
        SplittableRandom sampling = new SplittableRandom(9);
        replay(live, script, d -> {
            for (int i = 0; i < 5; i++) d.sampleParent(sampling);
        });
        ProgramDatabase rebuilt = setting.build();
        replay(rebuilt, script, d -> { });

        assertThat(rebuilt.stats()).isEqualTo(live.stats());
        for (int i = 0; i < setting.islands(); i++) assertThat(rebuilt.islandMembers(i)).containsExactly(live.islandMembers(i));
        assertThat(rebuilt.archiveIds()).containsExactly(live.archiveIds());
        for (long id : live.islandMembers(0)) assertThat(rebuilt.cellOf(id)).isEqualTo(live.cellOf(id));
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) assertThat(rebuilt.sample(a)).isEqualTo(live.sample(b));
        assertThat(rebuilt.inspirations(a, 3, 4, 7)).containsExactly(live.inspirations(b, 3, 4, 7));
    }

    // ---------------------------------------------------------------- selection

    static Stream<Arguments> selectionCases() {
        return Stream.of(
                Arguments.of(1, new Selection(0.2, 0.6, 0.2)),
                Arguments.of(3, new Selection(0.2, 0.6, 0.2)),
                Arguments.of(10, new Selection(0.2, 0.6, 0.2)),
                Arguments.of(10, new Selection(0.2, 0.7, 0.1)),
                Arguments.of(3, new Selection(0.5, 0, 0.5)));
    }

    @ParameterizedTest
    @MethodSource("selectionCases")
    void sample_manyDraws_followSelectionRatios(int islands, Selection mix) {
        ProgramDatabase db = ProgramDatabase.builder().islands(islands).populationCap(2_000).archiveSize(100)
                .selection(mix.island(), mix.archive(), mix.all()).rotateEvery(50).build();
        replay(db, script(3, 60, 15, islands), d -> { });
        SplittableRandom rng = new SplittableRandom(11);
        Map<Source, Integer> counts = new EnumMap<>(Source.class);
        int n = 100_000;
        int current = db.currentIsland();
        boolean islandHasElites = db.archiveIds().length > 0
                && Arrays.stream(db.archiveIds()).anyMatch(id -> contains(db.islandsOf(id), current));
        for (int i = 0; i < n; i++) {
            Draw draw = db.sample(rng);
            counts.merge(draw.source(), 1, Integer::sum);
            switch (draw.source()) {
                case ISLAND -> assertThat(db.islandsOf(draw.id())).contains(current);
                case ARCHIVE -> {
                    assertThat(db.inArchive(draw.id())).isTrue();
                    if (islandHasElites) assertThat(db.islandsOf(draw.id())).contains(current);
                }
                case ALL -> assertThat(db.contains(draw.id())).isTrue();
            }
        }
        // 0.01 is more than six standard deviations at n = 100,000.
        assertThat(counts.getOrDefault(Source.ISLAND, 0) / (double) n).isCloseTo(mix.island(), within(0.01));
        assertThat(counts.getOrDefault(Source.ARCHIVE, 0) / (double) n).isCloseTo(mix.archive(), within(0.01));
        assertThat(counts.getOrDefault(Source.ALL, 0) / (double) n).isCloseTo(mix.all(), within(0.01));
    }

    @Test
    void sample_archiveRoute_prefersCurrentIslandElites() {
        ProgramDatabase db = ProgramDatabase.builder().islands(3).populationCap(100).archiveSize(6)
                .selection(0, 1, 0).rotateEvery(1_000).build();
        // Island 0 holds two of the six elites; islands 1 and 2 hold the rest.
        for (int id = 1; id <= 30; id++) db.add(id, id, 10, id % 3);
        Set<Long> drawn = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) drawn.add(db.sampleParent(rng));
        assertThat(db.currentIsland()).isZero();
        assertThat(drawn).containsExactlyInAnyOrder(27L, 30L);
    }

    @Test
    void sample_archiveRouteWithoutIslandElites_drawsWholeArchive() {
        ProgramDatabase db = ProgramDatabase.builder().islands(2).populationCap(100).archiveSize(3)
                .selection(0, 1, 0).build();
        for (int id = 1; id <= 10; id++) db.add(id, id, 10, 1);
        db.add(11, -100, 10, 0);
        Set<Long> drawn = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) drawn.add(db.sampleParent(rng));
        assertThat(drawn).containsExactlyInAnyOrder(8L, 9L, 10L);
    }

    @Test
    void sample_emptyCurrentIsland_fallsBackToWholePopulation() {
        ProgramDatabase db = ProgramDatabase.builder().islands(2).populationCap(100).archiveSize(3)
                .selection(1, 0, 0).build();
        for (int id = 1; id <= 5; id++) db.add(id, id, 10, 1);
        Set<Long> drawn = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            Draw draw = db.sample(rng);
            assertThat(draw.source()).isEqualTo(Source.ISLAND);
            drawn.add(draw.id());
        }
        assertThat(drawn).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void sample_allRoute_isUniform() {
        ProgramDatabase db = ProgramDatabase.builder().islands(3).populationCap(100).archiveSize(10)
                .selection(0, 0, 1).build();
        for (int id = 0; id < 100; id++) db.add(id, id % 7, 10, id % 3);
        int[] counts = new int[100];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) counts[(int) db.sampleParent(rng)]++;
        // Expected 1,000 each, standard deviation ≈ 31.5.
        assertThat(IntStream.of(counts).boxed()).allMatch(c -> c > 840 && c < 1_160);
    }

    @Test
    void sample_empty_throws() {
        ProgramDatabase db = ProgramDatabase.builder().build();
        assertThatThrownBy(() -> db.sampleParent(new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
    }

    // ---------------------------------------------------------------- rotation

    @ParameterizedTest
    @MethodSource("rotationCases")
    void commitStep_rotatesEveryNAddedPrograms(int islands, int rotateEvery) {
        ProgramDatabase db = ProgramDatabase.builder().islands(islands).populationCap(1_000).archiveSize(10)
                .rotateEvery(rotateEvery).build();
        int expected = 0;
        long id = 0;
        for (int step = 0; step < 40; step++) {
            db.add(id++, step, 10, db.currentIsland());
            db.commitStep();
            if ((step + 1) % rotateEvery == 0) expected = (expected + 1) % islands;
            assertThat(db.currentIsland()).as("after step %d", step).isEqualTo(expected);
        }
    }

    static Stream<Arguments> rotationCases() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(3, 1), Arguments.of(3, 4), Arguments.of(10, 5));
    }

    @Test
    void commitStep_stepLargerThanPeriod_rotatesOnceAndRestartsCount() {
        ProgramDatabase db = ProgramDatabase.builder().islands(10).populationCap(1_000).archiveSize(10)
                .rotateEvery(100).build();
        for (int id = 0; id < 512; id++) db.add(id, id, 10, 0);
        db.commitStep();
        assertThat(db.currentIsland()).isEqualTo(1);
        for (int id = 512; id < 611; id++) db.add(id, id, 10, 1);
        db.commitStep();
        assertThat(db.currentIsland()).isEqualTo(1);
        db.commitStep();
        assertThat(db.currentIsland()).isEqualTo(1);
        db.add(611, 0, 10, 1);
        db.commitStep();
        assertThat(db.currentIsland()).isEqualTo(2);
    }

    @Test
    void builder_defaults_areThetaEvolves() {
        DatabaseConfig config = ProgramDatabase.builder().config();
        assertThat(config.populationCap()).isEqualTo(10_000);
        assertThat(config.archiveSize()).isEqualTo(1_000);
        assertThat(config.islands()).isEqualTo(10);
        assertThat(config.gridBins()).isEqualTo(32);
        assertThat(config.rotateEvery()).isEqualTo(100);
        assertThat(config.migrationInterval()).isEqualTo(50);
        assertThat(config.migrationFraction()).isEqualTo(0.1);
        assertThat(config.selection()).isEqualTo(new Selection(0.2, 0.6, 0.2));
        assertThat(config.scoreBounds()).isEmpty();
        assertThat(DatabaseConfig.defaultBins(100)).isEqualTo(10);
        assertThat(DatabaseConfig.defaultBins(101)).isEqualTo(11);
        assertThat(DatabaseConfig.defaultBins(1)).isEqualTo(10);
    }

    // ---------------------------------------------------------------- migration

    @ParameterizedTest
    @MethodSource("migrationCases")
    void commitStep_atInterval_copiesTopFractionToBothNeighbours(int islands, double fraction, int interval) {
        ProgramDatabase db = ProgramDatabase.builder().islands(islands).populationCap(10_000).archiveSize(50)
                .migrationInterval(interval).migrationFraction(fraction).build();
        SplittableRandom rng = new SplittableRandom(islands);
        long id = 0;
        for (int step = 1; step <= interval; step++) {
            // Every island receives children each step, so every island generation advances each step.
            for (int i = 0; i < islands; i++) for (int c = 0; c < 7; c++) db.add(id++, rng.nextInt(50), 10, i);
            Map<Integer, long[]> before = new HashMap<>();
            for (int i = 0; i < islands; i++) before.put(i, db.islandMembers(i));
            db.commitStep();
            assertThat(db.stats().islandGenerations()).containsOnly((long) step);
            if (step < interval || islands == 1) {
                for (int i = 0; i < islands; i++) assertThat(db.islandMembers(i)).containsExactly(before.get(i));
                assertThat(db.stats().migrations()).isZero();
                continue;
            }
            for (int i = 0; i < islands; i++) {
                Set<Long> expected = new HashSet<>();
                for (long m : before.get(i)) expected.add(m);
                for (int from : new int[] {(i + 1) % islands, (i + islands - 1) % islands}) {
                    long[] donors = before.get(from);
                    int k = fraction == 0 ? 0 : Math.max(1, (int) Math.floor(donors.length * fraction));
                    LongStream.of(donors).boxed()
                            .sorted(Comparator.comparingDouble((Long d) -> -db.fitnessOf(d)).thenComparingLong(d -> d))
                            .limit(k).forEach(expected::add);
                }
                assertThat(LongStream.of(db.islandMembers(i)).boxed().toList()).as("island %d", i).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(db.stats().migrations()).isEqualTo(1);
            db.verifyIntegrity();
        }
    }

    static Stream<Arguments> migrationCases() {
        return Stream.of(Arguments.of(1, 0.1, 3), Arguments.of(2, 0.1, 2), Arguments.of(3, 0.1, 5),
                Arguments.of(10, 0.1, 50), Arguments.of(5, 0.5, 1), Arguments.of(4, 0.0, 2));
    }

    @Test
    void commitStep_migrationFollowsHighestIslandGeneration() {
        ProgramDatabase db = ProgramDatabase.builder().islands(3).populationCap(1_000).archiveSize(10)
                .migrationInterval(4).rotateEvery(1_000).build();
        long id = 0;
        for (int step = 1; step <= 8; step++) {
            db.add(id++, step, 10, 0);
            if (step % 2 == 0) db.add(id++, -step, 10, 1);
            db.commitStep();
            assertThat(db.stats().migrations()).as("after step %d", step).isEqualTo(step / 4);
        }
        assertThat(db.stats().islandGenerations()).containsExactly(8L, 4L, 0L);
        // Island 0's best at each migration (id 4, then id 10) reached both neighbours.
        assertThat(db.islandsOf(4)).containsExactly(0, 1, 2);
        assertThat(db.islandsOf(10)).containsExactly(0, 1, 2);
        assertThat(db.islandsOf(9)).containsExactly(0);
    }

    // ---------------------------------------------------------------- eviction

    @Test
    void add_beyondCap_evictsLowestWithTiesToHigherId() {
        ProgramDatabase db = ProgramDatabase.builder().islands(2).populationCap(3).archiveSize(1).build();
        db.add(1, 5, 10, 0);
        db.add(2, 1, 10, 0);
        db.add(3, 1, 10, 1);
        db.add(4, 3, 10, 1);
        assertThat(db.contains(3)).isFalse();
        db.add(5, 0, 10, 0);
        assertThat(db.contains(5)).isFalse();
        assertThat(db.size()).isEqualTo(3);
        assertThat(db.stats().evictions()).isEqualTo(2);
        db.verifyIntegrity();
    }

    @ParameterizedTest
    @MethodSource("matrix")
    void add_floodOfWeakPrograms_neverEvictsBestOnTinyIsland(Setting setting) {
        ProgramDatabase db = setting.build();
        int tiny = setting.islands() - 1;
        db.add(0, 100, 10, tiny);
        for (int id = 1; id <= 3 * setting.cap(); id++) db.add(id, id % 50, 10, 0);
        db.commitStep();
        assertThat(db.bestId()).hasValue(0);
        assertThat(db.contains(0)).isTrue();
        assertThat(db.size()).isEqualTo(setting.cap());
        db.verifyIntegrity();
    }

    // ---------------------------------------------------------------- grid and inspirations

    @Test
    void add_fixedBounds_placesProgramsInExpectedCells() {
        ProgramDatabase db = ProgramDatabase.builder().gridBins(10).scoreBounds(0, 1).lengthBounds(0, 1_000).build();
        db.add(1, 0.55, 250, 0);
        db.add(2, 7, 5_000, 0);
        assertThat(db.cellOf(1)).isEqualTo(5 * 10 + 2);
        assertThat(db.cellOf(2)).isEqualTo(9 * 10 + 9);
        assertThat(db.stats().rebins()).isZero();
        assertThat(db.stats().occupiedCells()).isEqualTo(2);
    }

    @Test
    void add_adaptiveBounds_rebinsAndKeepsCellsConsistent() {
        ProgramDatabase db = ProgramDatabase.builder().gridBins(4).build();
        db.add(1, 0, 100, 0);
        db.add(2, 8, 100, 0);
        assertThat(db.stats().rebins()).isEqualTo(1);
        assertThat(db.cellOf(1)).isEqualTo(0);
        assertThat(db.cellOf(2)).isEqualTo(3 * 4);
        db.add(3, 100, 900, 0);
        assertThat(db.stats().rebins()).isEqualTo(2);
        db.verifyIntegrity();
    }

    @Test
    void inspirations_returnIslandTopThenEliteOfOtherCells() {
        ProgramDatabase db = ProgramDatabase.builder().islands(2).populationCap(1_000).archiveSize(5).gridBins(4)
                .scoreBounds(0, 40).lengthBounds(0, 400).build();
        List<Program> all = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(8);
        for (int id = 0; id < 200; id++) {
            Program p = new Program(id, rng.nextInt(40), rng.nextInt(400), id % 2);
            all.add(p);
            db.add(p.id(), p.fitness(), p.length(), p.island());
        }
        long parent = all.stream().filter(p -> p.island() == 0).sorted(BEST_FIRST).findFirst().orElseThrow().id();
        long[] got = db.inspirations(new SplittableRandom(3), 3, 4, parent);

        long[] top = all.stream().filter(p -> p.island() == 0 && p.id() != parent).sorted(BEST_FIRST).limit(3)
                .mapToLong(Program::id).toArray();
        assertThat(Arrays.copyOf(got, 3)).containsExactly(top);
        assertThat(got).hasSize(7).doesNotHaveDuplicates().doesNotContain(parent);
        Set<Integer> used = new HashSet<>();
        used.add(db.cellOf(parent));
        for (long t : top) used.add(db.cellOf(t));
        Set<Integer> diverseCells = new HashSet<>();
        for (int i = 3; i < 7; i++) {
            int cell = db.cellOf(got[i]);
            assertThat(used).doesNotContain(cell);
            assertThat(diverseCells.add(cell)).isTrue();
            Program elite = all.stream().filter(p -> db.cellOf(p.id()) == cell).sorted(BEST_FIRST).findFirst().orElseThrow();
            assertThat(got[i]).isEqualTo(elite.id());
        }
    }

    @Test
    void inspirations_zeroRequested_returnsEmpty() {
        ProgramDatabase db = ProgramDatabase.builder().build();
        db.add(1, 1, 1, 0);
        assertThat(db.inspirations(new SplittableRandom(1), 0, 0, 1)).isEmpty();
        assertThat(db.inspirations(new SplittableRandom(1), 5, 5, 1)).isEmpty();
        assertThat(db.inspirations(new SplittableRandom(1), 5, 5, 99)).containsExactly(1L);
    }

    // ---------------------------------------------------------------- validation

    static Stream<Arguments> badOptions() {
        return Stream.<Arguments>of(
                Arguments.of((Runnable) () -> ProgramDatabase.builder().populationCap(0), "populationCap must be >= 1, got '0'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().archiveSize(-3), "archiveSize must be >= 1, got '-3'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().islands(0), "islands must be >= 1, got '0'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().islands(5_000), "islands must be <= 4096, got '5000'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().gridBins(2_000), "gridBins must be <= 1024, got '2000'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().rotateEvery(0), "rotateEvery must be >= 1, got '0'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().migrationInterval(0), "migrationInterval must be >= 1, got '0'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().migrationFraction(1.5), "migrationFraction must be in [0, 1], got '1.5'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().selection(0.5, 0.6, 0.2),
                        "selection needs three non-negative ratios summing to 1, got '0.5, 0.6, 0.2'"),
                Arguments.of((Runnable) () -> ProgramDatabase.builder().scoreBounds(1, 1), "bounds need finite low < high, got '[1.0, 1.0]'"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void builder_badOption_namesOptionAndValue(Runnable setter, String message) {
        assertThatThrownBy(setter::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void build_archiveLargerThanCap_isAConflict() {
        assertThatThrownBy(() -> ProgramDatabase.builder().populationCap(10).archiveSize(11).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("archiveSize '11' exceeds populationCap '10'");
    }

    @Test
    void add_badInput_isRejectedAndLeavesDatabaseUnchanged() {
        ProgramDatabase db = ProgramDatabase.builder().islands(2).build();
        db.add(1, 1, 10, 0);
        Stats before = db.stats();
        assertThatThrownBy(() -> db.add(2, Double.NaN, 10, 0)).hasMessage("fitness must be finite, got 'NaN'");
        assertThatThrownBy(() -> db.add(2, 1, -1, 0)).hasMessage("codeLength must be >= 0, got '-1'");
        assertThatThrownBy(() -> db.add(2, 1, 10, 2)).hasMessage("island must be in [0, 2), got '2'");
        assertThatThrownBy(() -> db.add(1, 1, 10, 0)).hasMessage("id '1' is already in the database");
        assertThatThrownBy(() -> db.islandOf(9)).hasMessage("id '9' is not in the database");
        assertThat(db.stats()).isEqualTo(before);
    }

    private static boolean contains(int[] values, int value) {
        return IntStream.of(values).anyMatch(v -> v == value);
    }
}
