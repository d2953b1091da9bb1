package dev.thetaevolve.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The category rules on library members, and a sweep over every class the allow-list admits. */
class LibraryMembersTest {

    @ParameterizedTest(name = "{0}.{1}{2} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "java/util/SimpleTimeZone | setDefault | (Ljava/util/TimeZone;)V | true | TimeZone.setDefault",
            "java/util/TimeZone | setDefault | (Ljava/util/TimeZone;)V | true | static setter",
            "java/util/ArrayList | parallelStream | ()Ljava/util/stream/Stream; | true | other threads",
            "java/util/Arrays | setAll | ([DLjava/util/function/IntToDoubleFunction;)V | true | ",
            "java/util/ArrayList | stream | ()Ljava/util/stream/Stream; | true | ",
            "java/util/TimeZone | getDefault | ()Ljava/util/TimeZone; | true | ",
            "java/util/Collections | emptyList | ()Ljava/util/List; | true | ",
            "org/apache/commons/math3/genetics/GeneticAlgorithm | setRandomGenerator | (Lorg/apache/commons/math3/random/RandomGenerator;)V | true | static setter",
            "org/apache/commons/math3/genetics/GeneticAlgorithm | getRandomGenerator | ()Lorg/apache/commons/math3/random/RandomGenerator; | true | returns the static field",
            "org/apache/commons/math3/complex/ComplexField | getInstance | ()Lorg/apache/commons/math3/complex/ComplexField; | true | ",
            "org/apache/commons/math3/util/FastMath | sqrt | (D)D | true | ",
            "org/apache/commons/math3/random/MersenneTwister | setSeed | (J)V | true | ",
            "org/apache/commons/math3/optimization/direct/CMAESOptimizer | DEFAULT_RANDOMGENERATOR | Lorg/apache/commons/math3/random/RandomGenerator; | false | mutable MersenneTwister",
            "org/apache/commons/math3/linear/MatrixUtils | DEFAULT_FORMAT | Lorg/apache/commons/math3/linear/RealMatrixFormat; | false | mutable",
            "org/apache/commons/math3/geometry/euclidean/threed/Vector3D | ZERO | Lorg/apache/commons/math3/geometry/euclidean/threed/Vector3D; | false | ",
            "org/apache/commons/math3/fraction/BigFraction | ONE | Lorg/apache/commons/math3/fraction/BigFraction; | false | ",
            "org/apache/commons/math3/complex/Complex | I | Lorg/apache/commons/math3/complex/Complex; | false | ",
            "org/apache/commons/math3/geometry/euclidean/threed/RotationOrder | XYZ | Lorg/apache/commons/math3/geometry/euclidean/threed/RotationOrder; | false | ",
            "java/util/Locale | US | Ljava/util/Locale; | false | ",
            "java/util/Collections | EMPTY_LIST | Ljava/util/List; | false | ",
            "java/math/BigInteger | ONE | Ljava/math/BigInteger; | false | "})
    void denial_table(String owner, String name, String descriptor, boolean method, String fragment) {
        String denial = LibraryMembers.denial(owner, name, descriptor, method);
        if (fragment == null) assertThat(denial).isNull();
        else assertThat(denial).contains(fragment);
    }

    @Test
    void denial_memberThatDoesNotExist_isRefused() {
        assertThat(LibraryMembers.denial("java/util/ArrayList", "nope", "()V", true)).contains("does not exist");
    }

    /**
     * Every public static setter and every public static field of every class the allow-list admits, in the
     * JDK, in every jar of the workers' class path (commons-math3 today, whatever is added later) and in the
     * project's own classes candidates may use (the search toolkit): a
     * setter is refused (Arrays.setAll fills its argument), a field is refused exactly when it is shared
     * mutable state.
     */
    @Test
    void sweep_everyAllowedLibraryClass_staticSettersAndMutableStaticsAreRefused() throws IOException {
        List<String> names = allowedLibraryClasses();
        assertThat(names).hasSizeGreaterThan(1000);
        List<String> allowedSetters = new ArrayList<>();
        java.util.Set<String> refusedMethods = new java.util.TreeSet<>();
        int fields = 0;
        int refusedFields = 0;
        for (String n : names) {
            Class<?> c;
            try {
                c = Class.forName(n.replace('/', '.'), false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (!Modifier.isPublic(c.getModifiers())) continue;
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isStatic(mod) || !Modifier.isPublic(mod) || !m.getName().startsWith("set")) continue;
                String d = Type.getMethodDescriptor(m);
                if (AllowList.firstDeniedType(d) != null || AllowList.memberDenial(n, m.getName(), d) != null) continue;
                if (LibraryMembers.denial(n, m.getName(), d, true) == null) allowedSetters.add(n + "." + m.getName());
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) continue;
                String d = Type.getMethodDescriptor(m);
                if (AllowList.firstDeniedType(d) != null || AllowList.memberDenial(n, m.getName(), d) != null) continue;
                String why = LibraryMembers.denial(n, m.getName(), d, true);
                if (why != null) refusedMethods.add(why);
                // methods everyone uses stay allowed
                if (n.equals("java/util/ArrayList") || n.equals("org/apache/commons/math3/util/FastMath")) assertThat(why).as(n + "." + m.getName()).isNull();
            }
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) || !Modifier.isPublic(mod)) continue;
                String d = Type.getDescriptor(f.getType());
                if (AllowList.firstDeniedType(d) != null || AllowList.memberDenial(n, f.getName(), d) != null) continue;
                fields++;
                boolean refused = LibraryMembers.denial(n, f.getName(), d, false) != null;
                if (refused) refusedFields++;
                assertThat(refused).as(n + "." + f.getName()).isEqualTo(LibraryMembers.mutableStatic(f) != null);
                if (!Modifier.isFinal(mod)) assertThat(refused).as("non-final " + n + "." + f.getName()).isTrue();
            }
        }
        assertThat(allowedSetters).allMatch(s -> s.equals("java/util/Arrays.setAll"));
        assertThat(fields).isGreaterThan(500);
        assertThat(refusedFields).isGreaterThanOrEqualTo(2);
        System.out.println("sweep: " + names.size() + " classes, " + fields + " public static fields, " + refusedFields + " refused");
        // shared state found by the rules themselves: the genetics generator, and BigReal.ONE/ZERO (setScale mutates them)
        assertThat(refusedMethods).anyMatch(m -> m.startsWith("org.apache.commons.math3.genetics.GeneticAlgorithm.getRandomGenerator returns"))
                .anyMatch(m -> m.startsWith("org.apache.commons.math3.util.BigRealField.getOne returns"));
    }

    /** Class names (internal form) the allow-list admits: java.util, java.math, java.lang, and the workers' library jars. */
    private static List<String> allowedLibraryClasses() throws IOException {
        List<String> out = new ArrayList<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        for (String p : new String[] {"java/util", "java/math", "java/lang"}) {
            try (Stream<Path> s = Files.walk(jrt.getPath("/modules/java.base/" + p))) {
                s.map(x -> x.toString()).filter(x -> x.endsWith(".class"))
                        .map(x -> x.substring("/modules/java.base/".length(), x.length() - ".class".length()))
                        .filter(AllowList::classAllowed).forEach(out::add);
            }
        }
        for (Path entry : WorkerClasspath.compute()) {
            if (Files.isDirectory(entry)) { // the project's own classes: the search toolkit candidates may use
                try (Stream<Path> s = Files.walk(entry)) {
                    s.filter(x -> x.toString().endsWith(".class")).map(x -> entry.relativize(x).toString().replace('\\', '/'))
                            .map(x -> x.substring(0, x.length() - ".class".length())).filter(AllowList::classAllowed).forEach(out::add);
                }
                continue;
            }
            if (!entry.toString().endsWith(".jar")) continue;
            try (JarFile j = new JarFile(entry.toFile())) {
                j.stream().map(e -> e.getName()).filter(x -> x.endsWith(".class") && !x.contains("-"))
                        .map(x -> x.substring(0, x.length() - ".class".length()))
                        .filter(AllowList::classAllowed).forEach(out::add);
            }
        }
        return out;
    }
}
