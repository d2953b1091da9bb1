package dev.thetaevolve.evaluate;

import java.util.Map;

/**
 * Defines one evaluation's scanned classes, fresh each time (so a cached compilation never shares static
 * state between evaluations). Its parent is a run-time {@link FilteringClassLoader}.
 */
final class CandidateClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    /** @param classes bytecode by binary name ({@code pkg.Outer$Inner}), already scanned */
    CandidateClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super(parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        return defineClass(name, b, 0, b.length);
    }
}
