package dev.thetaevolve.evolve;

import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.Tier;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.codehaus.janino.SimpleCompiler;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletableFuture;

/**
 * A test fake of the evaluator: compiles with Janino and runs {@code solve()} in this JVM, with no
 * sandbox. Only for trusted test programs (engine tests need verdicts, not isolation).
 */
final class InProcessEvaluator implements Evaluator {
    @Override
    public CompletableFuture<Verdict> submit(String source, Problem problem, double tolerance) {
        return CompletableFuture.completedFuture(evaluateNow(source, problem, tolerance));
    }

    private static Verdict evaluateNow(String source, Problem problem, double tolerance) {
        Object out;
        try {
            SimpleCompiler c = new SimpleCompiler();
            c.cook(source);
            Method solve = c.getClassLoader().loadClass(className(source)).getDeclaredMethod("solve");
            if (!Modifier.isStatic(solve.getModifiers())) return Verdict.failed(ErrorKind.COMPILE, "solve() must be static", Tier.JANINO, 0, 0);
            out = solve.invoke(null);
        } catch (org.codehaus.commons.compiler.CompileException e) {
            return Verdict.failed(ErrorKind.COMPILE, e.getMessage(), null, 0, 0);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return Verdict.failed(ErrorKind.RUNTIME, String.valueOf(e.getCause()), Tier.JANINO, 0, 0);
        } catch (Exception e) {
            return Verdict.failed(ErrorKind.COMPILE, e.toString(), null, 0, 0);
        }
        Verification v = problem.verify(out, tolerance);
        if (!v.valid()) return Verdict.failed(ErrorKind.INVALID_OUTPUT, v.reason(), Tier.JANINO, 0, 0);
        return new Verdict(true, v.score(), v.metrics(), null, Tier.JANINO, 0, 0, out, v.strictScore());
    }

    private static String className(String source) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("public\\s+class\\s+(\\w+)").matcher(source);
        if (!m.find()) throw new IllegalArgumentException("no public class");
        return m.group(1);
    }

    @Override
    public void close() {
    }
}
