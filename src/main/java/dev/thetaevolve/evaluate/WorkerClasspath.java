package dev.thetaevolve.evaluate;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The worker JVM's class path, computed from where the classes it needs were loaded from: the worker itself,
 * Janino, commons-compiler (+ -jdk), ASM and commons-math3. Works under surefire (target/classes and
 * ~/.m2 jars) and in the packaged Quarkus fast-jar (app/*.jar, lib/main/*.jar).
 */
final class WorkerClasspath {

    private WorkerClasspath() {
    }

    private static final List<String> ANCHORS = List.of(
            "dev.thetaevolve.evaluate.WorkerMain",
            "org.codehaus.janino.SimpleCompiler",
            "org.codehaus.commons.compiler.ISimpleCompiler",
            "org.codehaus.commons.compiler.jdk.SimpleCompiler",
            "org.objectweb.asm.ClassReader",
            "org.apache.commons.math3.util.FastMath");

    /** @throws IllegalStateException when a class cannot be found or lives somewhere other than a jar or a directory */
    static List<Path> compute() {
        ClassLoader loader = WorkerClasspath.class.getClassLoader();
        Set<Path> out = new LinkedHashSet<>();
        for (String anchor : ANCHORS) {
            String resource = anchor.replace('.', '/') + ".class";
            URL url = loader.getResource(resource);
            if (url == null) throw new IllegalStateException("cannot locate " + resource + " for the worker class path");
            out.add(location(url, resource));
        }
        return List.copyOf(out);
    }

    static Path location(URL url, String resource) {
        String s = url.toString();
        try {
            if (s.startsWith("jar:")) {
                int bang = s.indexOf("!/");
                return Path.of(new java.net.URI(s.substring(4, bang)));
            }
            if (s.startsWith("file:") && s.endsWith(resource)) {
                return Path.of(new java.net.URI(s.substring(0, s.length() - resource.length())));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot turn " + s + " into a class path entry", e);
        }
        throw new IllegalStateException("cannot turn " + s + " into a class path entry (expected a jar: or file: URL)");
    }

    static String join(List<Path> entries) {
        StringBuilder sb = new StringBuilder();
        for (Path p : entries) {
            if (sb.length() > 0) sb.append(File.pathSeparatorChar);
            sb.append(p.toAbsolutePath());
        }
        return sb.toString();
    }
}
