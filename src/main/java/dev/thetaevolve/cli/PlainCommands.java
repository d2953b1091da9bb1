package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.service.Components;
import jakarta.inject.Inject;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The commands that start without Quarkus: no CDI container, no datasource, no ORM, no HTTP server. They
 * need only an HTTP client and JSON ({@code leaderboard}, {@code submit}, {@code watch}) or the plain-Java
 * core ({@code verify}, {@code evaluate}, {@code bench}), so booting the full stack (2-4 s, more on a busy
 * machine) bought them nothing. Commands that touch the store ({@code run}, {@code resume}, {@code best},
 * {@code programs}, {@code problems}, {@code serve}) still boot Quarkus (and keep AppCDS).
 */
final class PlainCommands {
    static final Map<String, Class<?>> COMMANDS = Map.of("leaderboard", LeaderboardCommand.class, "submit", SubmitCommand.class,
            "watch", WatchCommand.class, "verify", VerifyCommand.class, "evaluate", EvaluateCommand.class, "bench", BenchCommand.class);
    static final Set<String> NAMES = COMMANDS.keySet();

    private PlainCommands() {
    }

    /** Whether {@code args} name a command that runs without Quarkus ({@code --help} and the like included). */
    static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs the command line on plain Java; returns the exit code. */
    static int run(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        return Main.command(new Factory(COMMANDS.get(args[0]))).execute(args);
    }

    /**
     * Creates commands as picocli's default factory does (it makes every subcommand, to know their options),
     * then fills the {@code @Inject} fields of the one command that runs, of the few plain types these
     * commands use. A field of another type stays null: such a command is not one of {@link #NAMES}.
     */
    static final class Factory implements CommandLine.IFactory {
        private final Class<?> runs;

        /** @param runs the command class that will run (null: fill every command's fields) */
        Factory(Class<?> runs) {
            this.runs = runs;
        }

        private final Map<Class<?>, Supplier<?>> parts = Map.of(
                ProblemCatalog.class, memo(() -> ProblemCatalog.open(ProblemCatalog.locateHome())),
                ObjectMapper.class, memo(Factory::json),
                Components.class, memo(Components::new));

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K instance = CommandLine.defaultFactory().create(cls);
            if (runs != null && cls != runs) return instance;
            for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Supplier<?> part = f.isAnnotationPresent(Inject.class) ? parts.get(f.getType()) : null;
                    if (part == null) continue;
                    f.setAccessible(true);
                    f.set(instance, part.get());
                }
            }
            return instance;
        }

        /** The settings of the application's own mapper that matter to these commands' output. */
        static ObjectMapper json() {
            return JsonMapper.builder().findAndAddModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .build();
        }

        private static <T> Supplier<T> memo(Supplier<T> make) {
            return new Supplier<>() {
                private T value;

                @Override
                public synchronized T get() {
                    if (value == null) value = make.get();
                    return value;
                }
            };
        }
    }
}
