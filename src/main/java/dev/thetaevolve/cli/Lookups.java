package dev.thetaevolve.cli;

import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreService;

/** Finds what a command names, or fails with a usage error. */
final class Lookups {
    private Lookups() {
    }

    static RunView run(StoreService store, String name) {
        RunView run = store.run(name);
        if (run == null) throw new UsageError("unknown run '" + name + "' in this database (see --db)");
        return run;
    }
}
