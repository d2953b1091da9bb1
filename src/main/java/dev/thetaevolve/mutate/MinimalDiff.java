package dev.thetaevolve.mutate;

import java.util.List;

/**
 * Expresses a parent → child change as one SEARCH/REPLACE block: the changed line range plus the fewest
 * context lines (at least one on each side where there is one) that make {@link DiffFormat} find the
 * intended place first, so applying the block yields exactly the child.
 */
final class MinimalDiff {

    private MinimalDiff() {
    }

    /** One block turning {@code parent} into {@code child} (both with {@code \n} line endings). */
    static DiffFormat.Block between(String parent, String child) {
        List<String> p = DiffFormat.lines(parent);
        List<String> c = DiffFormat.lines(child);
        int prefix = 0;
        int limit = Math.min(p.size(), c.size());
        while (prefix < limit && p.get(prefix).equals(c.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < limit - prefix && p.get(p.size() - 1 - suffix).equals(c.get(c.size() - 1 - suffix))) suffix++;
        for (int context = 1; ; context++) {
            int from = Math.max(0, prefix - context);
            int after = Math.min(suffix, context);
            List<String> search = p.subList(from, p.size() - suffix + after);
            boolean whole = from == 0 && after == suffix;
            if (whole || (!search.isEmpty() && DiffFormat.find(p, search) == from)) {
                return new DiffFormat.Block(search, c.subList(from, c.size() - suffix + after));
            }
        }
    }
}
