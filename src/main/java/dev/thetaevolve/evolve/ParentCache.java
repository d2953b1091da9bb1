package dev.thetaevolve.evolve;

import dev.thetaevolve.mutate.Parent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** An LRU cache of parents in front of the store: code lives in the store, not in the index. */
final class ParentCache {
    private final LongFunction<Parent> loader;
    private final LinkedHashMap<Long, Parent> map;

    ParentCache(int capacity, LongFunction<Parent> loader) {
        this.loader = loader;
        this.map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Parent> eldest) {
                return size() > capacity;
            }
        };
    }

    Parent get(long id) {
        Parent p = map.get(id);
        if (p == null) {
            p = loader.apply(id);
            map.put(id, p);
        }
        return p;
    }
}
