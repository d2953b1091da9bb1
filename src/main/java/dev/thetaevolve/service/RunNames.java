package dev.thetaevolve.service;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Run names: the one generator of a default name, and the rule a given name must follow. */
public final class RunNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RunNames() {
    }

    /** {@code problem-yyyyMMdd-HHmmss-xxxx}: the problem, the local time, and four hex digits so two runs started in one second differ. */
    public static String generate(String problem) {
        return problem + "-" + LocalDateTime.now().format(STAMP) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /** @throws IllegalArgumentException quoting the name unless it is 1-100 letters, digits, '.', '_' or '-' (first a letter or digit) */
    public static String check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-100 letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        return name;
    }
}
