package dev.thetaevolve.problem;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.io.IOException;
import java.io.StringReader;

/**
 * The Java source of a problem's verifier (evaluators/&lt;id&gt;/&lt;Class&gt;.java), kept so that trusted code
 * elsewhere, a search-mode worker's {@code Objective}, can compile the same logic the service trusts.
 *
 * @param className the public class in {@code text}, which implements {@link Verifier}
 * @param text      the source
 */
public record VerifierSource(String className, String text) {

    /**
     * Compiles the source with Janino against {@code parent} and instantiates the verifier.
     *
     * @throws IllegalStateException when it does not compile, load or implement {@link Verifier}
     */
    public Verifier compile(ClassLoader parent) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(parent);
        try {
            compiler.cook(className + ".java", new StringReader(text));
            Class<?> c = compiler.getClassLoader().loadClass(className);
            if (!Verifier.class.isAssignableFrom(c)) {
                throw new IllegalStateException("class " + className + " does not implement " + Verifier.class.getName());
            }
            return (Verifier) c.getDeclaredConstructor().newInstance();
        } catch (CompileException e) {
            throw new IllegalStateException("verifier " + className + " does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("verifier " + className + ": " + e, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load verifier class " + className + ": " + e, e);
        }
    }
}
