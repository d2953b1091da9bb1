package dev.thetaevolve.evaluate;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges a member reference on an allowed library class by what the JVM would actually resolve it to, and
 * refuses process-wide mutable state as a category. Complements the name rules of {@link AllowList}.
 *
 * <p><b>Resolution.</b> A method reference resolves like the JVM does: the first declaration up the
 * superclass chain, else the declarations in the super-interfaces. The name rules of the allow-list are
 * then applied to the class that declares it as well as to the symbolic owner, so
 * {@code SimpleTimeZone.setDefault} is judged as {@code TimeZone.setDefault} and
 * {@code ArrayList.parallelStream} as {@code Collection.parallelStream}.
 *
 * <p><b>Process-wide state.</b> Refused for every library, present and future:
 * <ul>
 *   <li>static methods named {@code set*} (static setters; {@code setDefault} of TimeZone and Locale among
 *       them), except those whose first parameter is an array they fill ({@code Arrays.setAll});</li>
 *   <li>any library method or constructor that stores one of its parameters (or {@code this}) straight into
 *       a static field (a setter by what it does, whatever its name);</li>
 *   <li>static fields that are not final, or whose value is mutable (arrays, random generators, formats...);</li>
 *   <li>methods of non-JDK libraries that return such a mutable static field (static getters of shared
 *       state, {@code GeneticAlgorithm.getRandomGenerator}).</li>
 * </ul>
 * A value is immutable when it is a primitive, one of a few JDK value types, or an object whose class
 * (up to Object) has only final fields of immutable types. Results are cached per JVM; thread-safe.
 */
final class LibraryMembers {

    private LibraryMembers() {
    }

    private static final ClassLoader LOADER = LibraryMembers.class.getClassLoader();

    /** JDK types whose instances cannot be changed through any allowed member. */
    private static final Set<Class<?>> JDK_IMMUTABLE = Set.of(
            String.class, Boolean.class, Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class,
            Character.class, BigInteger.class, BigDecimal.class, MathContext.class, Locale.class, Class.class,
            Character.UnicodeBlock.class, Character.UnicodeScript.class, Void.class, Object.class);

    private static final String NONE = "";
    private static final Map<String, String> MEMBER_CACHE = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Boolean> IMMUTABLE_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> CODE_CACHE = new ConcurrentHashMap<>();

    /**
     * Why candidate code may not use this member of a library class, or null. {@code owner} has passed
     * {@link AllowList#classAllowed} and {@link AllowList#memberDenial}.
     */
    static String denial(String owner, String name, String descriptor, boolean method) {
        String key = (method ? "m " : "f ") + owner + "." + name + descriptor;
        String cached = MEMBER_CACHE.get(key);
        if (cached == null) {
            try {
                cached = method ? methodDenial(owner, name, descriptor) : fieldDenial(owner, name, descriptor);
            } catch (LinkageError | RuntimeException e) {
                cached = AllowList.dotted(owner) + "." + name + " cannot be resolved in the library (" + e.getClass().getSimpleName() + ")";
            }
            if (cached == null) cached = NONE;
            MEMBER_CACHE.put(key, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    /** Whether the library class has (declares or inherits) this member; false when it cannot be loaded. */
    static boolean exists(String owner, String name, String descriptor, boolean method) {
        try {
            Class<?> c = load(owner);
            if (c == null) return false;
            return method ? !resolveMethod(c, name, descriptor).isEmpty() : resolveField(c, name) != null;
        } catch (LinkageError | RuntimeException e) {
            return true; // cannot tell: let denial() judge it
        }
    }

    // ---- methods

    private static String methodDenial(String owner, String name, String descriptor) {
        Class<?> c = load(owner);
        String where = AllowList.dotted(owner) + "." + name;
        if (c == null) return where + ": " + AllowList.dotted(owner) + " is not a class of the library";
        if (name.equals("<init>")) return codeDenial(c, name, descriptor, where);
        List<Class<?>> declaring = resolveMethod(c, name, descriptor);
        if (declaring.isEmpty()) return where + descriptor + " does not exist in the library";
        for (Class<?> d : declaring) {
            String internal = Type.getInternalName(d);
            if (!internal.equals(owner)) {
                String byName = AllowList.memberDenial(internal, name, descriptor);
                if (byName != null) return byName + " (reached through " + AllowList.dotted(owner) + ")";
            }
            Method m = declared(d, name, descriptor);
            if (m != null && Modifier.isStatic(m.getModifiers()) && name.startsWith("set")
                    && (m.getParameterCount() == 0 || !m.getParameterTypes()[0].isArray())) {
                return where + " is a static setter of process-wide state and is not allowed";
            }
            String code = codeDenial(d, name, descriptor, where);
            if (code != null) return code;
        }
        return null;
    }

    /** Where the JVM finds the method: the first class up the superclass chain, else every super-interface declaring it. */
    static List<Class<?>> resolveMethod(Class<?> c, String name, String descriptor) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (declared(k, name, descriptor) != null) return List.of(k);
        }
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> i : allInterfaces(c)) if (declared(i, name, descriptor) != null) out.add(i);
        if (out.isEmpty() && c.isInterface() && declared(Object.class, name, descriptor) != null) out.add(Object.class);
        return out;
    }

    private static Method declared(Class<?> k, String name, String descriptor) {
        for (Method m : k.getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) return m;
        }
        return null;
    }

    private static Set<Class<?>> allInterfaces(Class<?> c) {
        Set<Class<?>> out = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.isInterface()) todo.add(k);
            Collections.addAll(todo, k.getInterfaces());
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (out.add(i)) Collections.addAll(todo, i.getInterfaces());
        }
        return out;
    }

    // ---- fields

    private static String fieldDenial(String owner, String name, String descriptor) {
        Class<?> c = load(owner);
        String where = AllowList.dotted(owner) + "." + name;
        if (c == null) return where + ": " + AllowList.dotted(owner) + " is not a class of the library";
        Field f = resolveField(c, name);
        if (f == null) return where + " does not exist in the library";
        if (!Modifier.isStatic(f.getModifiers())) return null;
        String mutable = mutableStatic(f);
        return mutable == null ? null : where + " " + mutable + "; process-wide mutable state is not allowed";
    }

    private static Field resolveField(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) if (f.getName().equals(name)) return f;
        }
        for (Class<?> i : allInterfaces(c)) {
            for (Field f : i.getDeclaredFields()) if (f.getName().equals(name)) return f;
        }
        return null;
    }

    /** Why a static field is shared mutable state ("is not final", "holds a mutable ..."), or null. */
    static String mutableStatic(Field f) {
        if (!Modifier.isFinal(f.getModifiers())) return "is not final";
        Class<?> t = f.getType();
        if (t.isPrimitive()) return null;
        boolean jdkOwner = f.getDeclaringClass().getName().startsWith("java.");
        if (jdkOwner && !t.isArray() && !t.getName().startsWith("java.io.")) {
            return null; // the JDK's allowed classes hold only constants, empty collections and comparators
        }
        if (immutable(t)) return null;
        if (t.isArray()) return "is an array";
        if (Modifier.isFinal(t.getModifiers())) return "holds a mutable " + t.getSimpleName();
        Object value;
        try {
            Class.forName(f.getDeclaringClass().getName(), true, f.getDeclaringClass().getClassLoader());
            f.setAccessible(true);
            value = f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        if (value == null || immutable(value.getClass())) return null;
        return "holds a mutable " + value.getClass().getSimpleName();
    }

    /** Whether no member can change an instance of this class (see the class comment). */
    static boolean immutable(Class<?> t) {
        if (t.isPrimitive()) return true;
        if (t.isArray()) return false;
        if (JDK_IMMUTABLE.contains(t)) return true;
        if (t.getName().startsWith("java.")) return t.isEnum() || (t.getSuperclass() != null && t.getSuperclass().isEnum());
        if (t.isInterface()) return false;
        Boolean known = IMMUTABLE_CACHE.get(t);
        if (known != null) return known;
        IMMUTABLE_CACHE.put(t, Boolean.TRUE); // cycles: assume immutable while looking
        boolean ok = true;
        outer:
        for (Class<?> k = t; k != null && k != Object.class && k != Enum.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                if (!Modifier.isFinal(f.getModifiers()) || !immutableFieldType(f.getType())) {
                    ok = false;
                    break outer;
                }
            }
        }
        IMMUTABLE_CACHE.put(t, ok);
        return ok;
    }

    private static boolean immutableFieldType(Class<?> t) {
        // an abstract or interface-typed field may hold anything
        return immutable(t) && (t.isPrimitive() || JDK_IMMUTABLE.contains(t) || t.isEnum() || !t.isInterface() && !Modifier.isAbstract(t.getModifiers()));
    }

    // ---- what the library's own bytecode does

    /**
     * Reads the declaring class's bytecode: a method that stores a parameter (or this) straight into a static
     * field, or (outside the JDK) returns a mutable static field, touches process-wide state.
     */
    private static String codeDenial(Class<?> declaring, String name, String descriptor, String where) {
        String internal = Type.getInternalName(declaring);
        Map<String, String> facts = CODE_CACHE.computeIfAbsent(internal, LibraryMembers::readCode);
        String why = facts.get(name + descriptor);
        return why == null ? null : where + " " + why + "; process-wide mutable state is not allowed";
    }

    private static Map<String, String> readCode(String internal) {
        byte[] bytes;
        try (InputStream in = LOADER.getResourceAsStream(internal + ".class")) {
            if (in == null) return Map.of();
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return Map.of();
        }
        boolean jdk = internal.startsWith("java/");
        Map<String, String> out = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>(); // same-class calls of methods that take arguments
        Map<String, String> storers = new HashMap<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String sig, String[] exc) {
                if (name.equals("<clinit>")) return null;
                int argSlots = Type.getArgumentsAndReturnSizes(descriptor) >> 2; // includes this; static: minus one below
                if ((access & Opcodes.ACC_STATIC) != 0) argSlots--;
                int slots = argSlots;
                String key = name + descriptor;
                return new MethodVisitor(Opcodes.ASM9) {
                    private int lastOpcode = -1;
                    private int lastVar = -1;
                    private String lastStatic;

                    @Override
                    public void visitVarInsn(int opcode, int var) {
                        lastOpcode = opcode;
                        lastVar = var;
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
                        if (opcode == Opcodes.PUTSTATIC && lastOpcode >= Opcodes.ILOAD && lastOpcode <= Opcodes.ALOAD && lastVar < slots) {
                            out.putIfAbsent(key, "stores its argument in the static field " + AllowList.dotted(owner) + "." + fname);
                            storers.putIfAbsent(key, AllowList.dotted(owner) + "." + fname);
                        }
                        lastOpcode = opcode;
                        lastStatic = opcode == Opcodes.GETSTATIC && fdesc.length() > 1 ? owner + "." + fname : null;
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.ARETURN && lastOpcode == Opcodes.GETSTATIC && lastStatic != null && !jdk) {
                            String mutable = staticMutability(lastStatic);
                            if (mutable != null) out.putIfAbsent(key, "returns the static field " + AllowList.dotted(lastStatic) + ", which " + mutable);
                        }
                        lastOpcode = opcode;
                    }

                    @Override
                    public void visitIntInsn(int opcode, int operand) {
                        lastOpcode = opcode;
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode != Opcodes.CHECKCAST) lastOpcode = opcode; // (T) FIELD keeps the getter shape
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                        if (owner.equals(internal) && slots > ((access & Opcodes.ACC_STATIC) != 0 ? 0 : 1)) {
                            calls.computeIfAbsent(key, k -> new HashSet<>()).add(n + d);
                        }
                        lastOpcode = opcode;
                    }

                    @Override
                    public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                        lastOpcode = opcode;
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        lastOpcode = Opcodes.LDC;
                    }

                    @Override
                    public void visitIincInsn(int var, int increment) {
                        lastOpcode = Opcodes.IINC;
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, org.objectweb.asm.Handle bsm, Object... args) {
                        lastOpcode = Opcodes.INVOKEDYNAMIC;
                    }

                    @Override
                    public void visitTableSwitchInsn(int min, int max, org.objectweb.asm.Label dflt, org.objectweb.asm.Label... labels) {
                        lastOpcode = Opcodes.TABLESWITCH;
                    }

                    @Override
                    public void visitLookupSwitchInsn(org.objectweb.asm.Label dflt, int[] keys, org.objectweb.asm.Label[] labels) {
                        lastOpcode = Opcodes.LOOKUPSWITCH;
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String d, int dims) {
                        lastOpcode = Opcodes.MULTIANEWARRAY;
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        // a method with arguments that calls such a setter of its own class is one too (public setX -> private doSet)
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<String, Set<String>> e : calls.entrySet()) {
                if (storers.containsKey(e.getKey())) continue;
                for (String callee : e.getValue()) {
                    String field = storers.get(callee);
                    if (field == null) continue;
                    storers.put(e.getKey(), field);
                    out.putIfAbsent(e.getKey(), "may store its argument in the static field " + field + " (through "
                            + callee.substring(0, callee.indexOf('(')) + ")");
                    grew = true;
                    break;
                }
            }
        }
        return out;
    }

    private static String staticMutability(String ownerDotName) {
        int dot = ownerDotName.lastIndexOf('.');
        Class<?> c = load(ownerDotName.substring(0, dot));
        if (c == null) return null;
        Field f = resolveField(c, ownerDotName.substring(dot + 1));
        if (f == null) return null;
        try {
            return mutableStatic(f);
        } catch (RuntimeException | LinkageError e) {
            return "cannot be read";
        }
    }

    private static Class<?> load(String internal) {
        try {
            return Class.forName(internal.replace('/', '.'), false, LOADER);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Every public static field of these classes that {@link #mutableStatic} refuses, for tests and reports. */
    static Set<String> mutableStaticFields(Iterable<Class<?>> classes) {
        Set<String> out = new HashSet<>();
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && mutableStatic(f) != null) {
                    out.add(c.getName() + "." + f.getName());
                }
            }
        }
        return out;
    }
}
