package dev.thetaevolve.evaluate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AllowListTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "java/lang/Math, true", "java/lang/StringBuilder, true", "java/lang/Integer, true", "java/lang/Record, true",
            "java/util/ArrayList, true", "java/util/function/IntFunction, true", "java/util/stream/IntStream, true",
            "java/math/BigInteger, true", "org/apache/commons/math3/util/FastMath, true", "[[D, true", "[Ljava/lang/String;, true",
            "java/lang/Runtime, false", "java/lang/ProcessBuilder, false", "java/lang/Thread, false", "java/lang/ClassLoader, false",
            "java/lang/reflect/Method, false", "java/lang/invoke/MethodHandles, false", "java/io/File, false",
            "java/nio/file/Files, false", "java/net/Socket, false", "java/util/concurrent/Executors, false",
            "java/util/concurrent/atomic/AtomicLong, false", "java/util/Formatter, false", "java/util/Scanner, false",
            "java/util/Timer, false", "java/util/ServiceLoader, false", "java/util/zip/ZipFile, false",
            "java/util/logging/Logger, false", "java/util/prefs/Preferences, false", "java/util/ResourceBundle$Control, false",
            "org/apache/commons/math3/random/ValueServer, false", "sun/misc/Unsafe, false", "dev/thetaevolve/evaluate/WorkerMain, false",
            "[Ljava/lang/Thread;, false",
            // Hipparchus was measured for search mode and not adopted (BENCHMARKS §11): outside the allow-list
            "org/hipparchus/optim/nonlinear/vector/constrained/SQPOptimizerS, false", "org/hipparchus/linear/RealMatrix, false"})
    void classAllowed_table(String name, boolean allowed) {
        assertThat(AllowList.classAllowed(name)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}.{1}{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "java/lang/System | nanoTime | ()J | ",
            "java/lang/System | arraycopy | (Ljava/lang/Object;ILjava/lang/Object;II)V | ",
            "java/lang/System | out | Ljava/io/PrintStream; | System.out",
            "java/lang/System | exit | (I)V | System.exit",
            "java/lang/System | getenv | (Ljava/lang/String;)Ljava/lang/String; | System.getenv",
            "java/lang/System | setOut | (Ljava/io/PrintStream;)V | System.setOut",
            "java/lang/Class | forName | (Ljava/lang/String;)Ljava/lang/Class; | reflection",
            "java/lang/Class | getName | ()Ljava/lang/String; | ",
            "java/lang/Object | getClass | ()Ljava/lang/Class; | getClass",
            "java/lang/String | getClass | ()Ljava/lang/Class; | getClass",
            "java/io/PrintStream | println | (Ljava/lang/String;)V | ",
            "java/io/PrintStream | <init> | (Ljava/lang/String;)V | PrintStream.<init>",
            "java/lang/String | getBytes | (Ljava/nio/charset/Charset;)[B | java.nio.charset.Charset",
            "java/lang/Long | getLong | (Ljava/lang/String;)Ljava/lang/Long; | system properties",
            "java/util/Arrays | parallelSort | ([D)V | other threads",
            "java/util/ArrayList | parallelStream | ()Ljava/util/stream/Stream; | other threads",
            "java/util/Locale | setDefault | (Ljava/util/Locale;)V | worker-wide",
            "java/util/Base64$Encoder | wrap | (Ljava/io/OutputStream;)Ljava/io/OutputStream; | ",
            "org/apache/commons/math3/random/EmpiricalDistribution | load | (Ljava/io/File;)V | java.io.File",
            "java/lang/Math | sqrt | (D)D | "})
    void memberDenial_table(String owner, String name, String descriptor, String fragment) {
        String denial = AllowList.memberDenial(owner, name, descriptor);
        if (fragment == null) assertThat(denial).isNull();
        else assertThat(denial).contains(fragment);
    }
}
