package dev.thetaevolve.evaluate;

/**
 * Parent loader for candidate code: delegates only classes on the {@link AllowList} (plus, at run time, the
 * invokedynamic infrastructure javac's bootstraps need) to the worker's loader and hides everything else,
 * worker and compiler classes included. Used as Janino's compile-time parent (so a forbidden class fails
 * the Janino tier) and as the defining loader's parent (a second wall behind the bytecode scan).
 */
final class FilteringClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /**
     * Types Janino must resolve in the signatures of allowed classes (Comparator's private
     * {@code $deserializeLambda$}, the readObject/writeObject of serializable collections). Visible to the
     * compiler only; any use in candidate code is still refused by the bytecode scan.
     */
    private static final java.util.Set<String> SIGNATURE_ONLY = java.util.Set.of(
            "java/lang/invoke/SerializedLambda", "java/io/ObjectInputStream", "java/io/ObjectOutputStream",
            "java/io/InputStream", "java/io/ObjectInput", "java/io/ObjectOutput", "java/io/DataInput", "java/io/DataOutput",
            "java/io/ObjectStreamConstants");

    private final ClassLoader delegate;
    private final boolean invokeInfrastructure;

    FilteringClassLoader(ClassLoader delegate, boolean invokeInfrastructure) {
        super(null);
        this.delegate = delegate;
        this.invokeInfrastructure = invokeInfrastructure;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String internal = name.replace('.', '/');
        boolean allowed = AllowList.classAllowed(internal)
                || (!invokeInfrastructure && SIGNATURE_ONLY.contains(internal))
                || (invokeInfrastructure && (BytecodeScanner.INVOKE_INFRASTRUCTURE.contains(internal) || isInvokeType(internal)));
        if (!allowed) throw new ClassNotFoundException(name + " is not on the allow-list");
        return delegate.loadClass(name);
    }

    private static boolean isInvokeType(String internal) {
        return internal.equals("java/lang/invoke/MethodType") || internal.equals("java/lang/invoke/CallSite")
                || internal.equals("java/lang/invoke/MethodHandle");
    }

    @Override
    public java.net.URL getResource(String name) {
        return null;
    }

    @Override
    public java.util.Enumeration<java.net.URL> getResources(String name) {
        return java.util.Collections.emptyEnumeration();
    }
}
