package dev.thetaevolve.evaluate;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans every class a compiler produced, before any of it is defined, and refuses the lot when one
 * reference leaves the {@link AllowList}: super types, field and method descriptors, annotations, every
 * instruction's class, field and method reference, invokedynamic bootstraps and their arguments, ldc
 * constants, catch types; then, as a second net, every class, field, method and method-type entry of the
 * raw constant pool. Dead code is scanned like live code. Not thread-safe: one instance per scan.
 */
final class BytecodeScanner {

    /** Bootstrap methods javac emits for lambdas, string concatenation, records and switches; allowed only as bootstraps. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants", "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch");

    /** Classes that may appear in the constant pool only as bootstrap owners or in the InnerClasses attribute. */
    static final Set<String> INVOKE_INFRASTRUCTURE = Set.of(
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps", "java/lang/invoke/MethodHandles", "java/lang/invoke/MethodHandles$Lookup");

    /** A class the scan accepted, with what the worker needs to find {@code solve()}. */
    record ScannedClass(String name, boolean isPublic, boolean nested, String solveDescriptor, int solveAccess) {
    }

    /**
     * The scan's outcome: the first violation (null when clean), the classes it read, and whether some
     * handler catches errors the JVM throws (stack overflow, linkage): such code may go on running after a
     * library class failed to initialise, so its worker is replaced after it ran.
     */
    record Result(String violation, List<ScannedClass> classes, boolean catchesErrors) {
        Result(String violation, List<ScannedClass> classes) {
            this(violation, classes, false);
        }
    }

    private boolean catchesErrors;

    private final Map<String, ClassInfo> produced = new HashMap<>();

    private static final class ClassInfo {
        String superName;
        String[] interfaces = new String[0];
        final Set<String> methods = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        boolean nested;
        boolean isPublic;
        String solveDescriptor;
        int solveAccess;
    }

    /** Scans the classes; keys are ignored, names are read from the class files themselves. */
    static Result scan(Iterable<byte[]> classFiles) {
        return new BytecodeScanner().run(classFiles);
    }

    private Result run(Iterable<byte[]> classFiles) {
        List<ClassReader> readers = new ArrayList<>();
        try {
            for (byte[] b : classFiles) {
                ClassReader r = new ClassReader(b);
                readers.add(r);
                ClassInfo info = new ClassInfo();
                r.accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(int version, int access, String name, String sig, String superName, String[] itfs) {
                        info.superName = superName;
                        info.interfaces = itfs == null ? new String[0] : itfs;
                        info.isPublic = (access & Opcodes.ACC_PUBLIC) != 0;
                    }

                    @Override
                    public void visitNestHost(String nestHost) {
                        info.nested = true;
                    }

                    @Override
                    public void visitOuterClass(String owner, String name, String descriptor) {
                        info.nested = true;
                    }

                    @Override
                    public void visitInnerClass(String name, String outerName, String innerName, int access) {
                        if (name.equals(r.getClassName())) info.nested = true;
                    }

                    @Override
                    public FieldVisitor visitField(int access, String name, String descriptor, String sig, Object value) {
                        info.fields.add(name + ":" + descriptor);
                        return null;
                    }

                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String sig, String[] exc) {
                        info.methods.add(name + descriptor);
                        if (name.equals("solve") && descriptor.startsWith("()")) {
                            info.solveDescriptor = descriptor;
                            info.solveAccess = access;
                        }
                        return null;
                    }
                }, ClassReader.SKIP_CODE);
                if (produced.put(r.getClassName(), info) != null) {
                    return new Result("class " + AllowList.dotted(r.getClassName()) + " is defined twice", List.of());
                }
            }
        } catch (RuntimeException e) {
            return new Result("a produced class file could not be read: " + e, List.of());
        }
        for (ClassReader r : readers) {
            String v = scanClass(r);
            if (v == null) v = scanConstantPool(r);
            if (v != null) return new Result(v, List.of());
        }
        List<ScannedClass> out = new ArrayList<>();
        produced.forEach((name, i) -> out.add(new ScannedClass(name.replace('/', '.'), i.isPublic, i.nested, i.solveDescriptor, i.solveAccess)));
        return new Result(null, out, catchesErrors);
    }

    /** Thrown inside the visitors to stop at the first violation. */
    private static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message, null, false, false);
        }
    }

    private String scanClass(ClassReader reader) {
        String self = reader.getClassName();
        try {
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String sig, String superName, String[] itfs) {
                    if (superName != null) superType(superName, self);
                    if (itfs != null) for (String i : itfs) superType(i, self);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    descriptorTypes(descriptor, "annotation on " + AllowList.dotted(self));
                    return null;
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String sig, Object value) {
                    descriptorTypes(descriptor, "field " + AllowList.dotted(self) + "." + name);
                    return new FieldVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                            descriptorTypes(d, "annotation on field " + name);
                            return null;
                        }
                    };
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String sig, String[] exceptions) {
                    String where = "method " + AllowList.dotted(self) + "." + name;
                    if ((access & Opcodes.ACC_NATIVE) != 0) throw new Violation(where + " is native; native methods are not allowed");
                    if (name.equals("finalize")) throw new Violation(where + ": declaring finalize() is not allowed");
                    descriptorTypes(descriptor, where);
                    if (exceptions != null) for (String e : exceptions) classRef(e, where + " throws");
                    return new CodeScanner(where);
                }
            }, 0);
            return null;
        } catch (Violation v) {
            return v.getMessage();
        }
    }

    private final class CodeScanner extends MethodVisitor {
        private final String where;

        CodeScanner(String where) {
            super(Opcodes.ASM9);
            this.where = where;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            descriptorTypes(descriptor, "annotation in " + where);
            return null;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            descriptorTypes(descriptor, "annotation in " + where);
            return null;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            classRef(type, where);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            member(owner, name, descriptor, false, where);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            member(owner, name, descriptor, true, where);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            if (!BOOTSTRAPS.contains(bsm.getOwner() + "." + bsm.getName())) {
                throw new Violation(where + " uses invokedynamic with bootstrap " + AllowList.dotted(bsm.getOwner()) + "." + bsm.getName()
                        + "; only lambdas, string concatenation, records and switches may");
            }
            descriptorTypes(descriptor, where);
            for (Object a : args) constant(a, true);
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value, false);
        }

        private void constant(Object value, boolean bootstrapArgument) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) descriptorTypes(t.getDescriptor(), where);
                else if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) classRef(t.getInternalName(), where);
            } else if (value instanceof Handle h) {
                if (!bootstrapArgument) throw new Violation(where + " loads a method handle constant; method handles are not allowed");
                boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
                member(h.getOwner(), h.getName(), h.getDesc(), !field, where);
            } else if (value instanceof ConstantDynamic c) {
                throw new Violation(where + " uses a dynamic constant (" + c.getName() + "); dynamic constants are not allowed");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            descriptorTypes(descriptor, where);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                classRef(type, where + " catch");
                if (catchesJvmErrors(type)) catchesErrors = true;
            }
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String sig, Label start, Label end, int index) {
            descriptorTypes(descriptor, where + " local " + name);
        }
    }

    /** Second net: the raw constant pool, including entries no instruction uses. */
    private String scanConstantPool(ClassReader r) {
        char[] buf = new char[r.getMaxStringLength() + 1];
        String self = r.getClassName();
        String where = "constant pool of " + AllowList.dotted(self);
        try {
            for (int i = 1; i < r.getItemCount(); i++) {
                int offset = r.getItem(i);
                if (offset == 0) continue; // second slot of a long or double
                int tag = r.readByte(offset - 1);
                switch (tag) {
                    case 7 -> { // Class
                        String name = r.readUTF8(offset, buf);
                        if (!INVOKE_INFRASTRUCTURE.contains(name)) classRef(name, where);
                    }
                    case 9, 10, 11 -> { // Fieldref, Methodref, InterfaceMethodref
                        String owner = r.readClass(offset, buf);
                        int nameAndType = r.getItem(r.readUnsignedShort(offset + 2));
                        String name = r.readUTF8(nameAndType, buf);
                        String descriptor = r.readUTF8(nameAndType + 2, buf);
                        if (INVOKE_INFRASTRUCTURE.contains(owner)) {
                            if (!BOOTSTRAPS.contains(owner + "." + name)) throw new Violation(where + " references " + AllowList.dotted(owner) + "." + name);
                        } else {
                            member(owner, name, descriptor, tag != 9, where);
                        }
                    }
                    case 16 -> descriptorTypes(r.readUTF8(offset, buf), where); // MethodType
                    case 17 -> throw new Violation(where + " holds a dynamic constant; dynamic constants are not allowed");
                    case 18 -> { // InvokeDynamic: its call-site descriptor
                        int nameAndType = r.getItem(r.readUnsignedShort(offset + 2));
                        descriptorTypes(r.readUTF8(nameAndType + 2, buf), where);
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (Violation v) {
            return v.getMessage();
        }
    }

    private void superType(String name, String self) {
        if (produced.containsKey(name)) return;
        if (name.equals("java/io/PrintStream")) throw new Violation("class " + AllowList.dotted(self) + " may not extend java.io.PrintStream");
        classRef(name, "class " + AllowList.dotted(self) + " extends/implements");
    }

    private void classRef(String internalName, String where) {
        String element = AllowList.elementName(internalName);
        if (element == null || produced.containsKey(element)) return;
        if (!AllowList.classAllowed(element)) {
            throw new Violation(AllowList.dotted(element) + " is not on the allow-list (" + where + ")");
        }
    }

    private void descriptorTypes(String descriptor, String where) {
        int i = 0;
        while ((i = descriptor.indexOf('L', i)) >= 0) {
            int end = descriptor.indexOf(';', i);
            if (end < 0) throw new Violation("malformed descriptor " + descriptor + " in " + where);
            classRef(descriptor.substring(i + 1, end), where);
            i = end + 1;
        }
    }

    /**
     * Checks a field or method reference. A member of a library class is judged by the allow-list and by
     * {@link LibraryMembers} (what it resolves to, process-wide state). A member of a candidate class
     * resolves up its hierarchy; a method call on a candidate type may also dispatch to any candidate
     * subtype, and through it to a library supertype (Janino emits calls whose owner is a candidate
     * interface that a candidate class satisfies with an inherited library method), so those count too.
     */
    private void member(String owner, String name, String descriptor, boolean method, String where) {
        descriptorTypes(descriptor, where);
        String element = AllowList.elementName(owner);
        if (element == null || owner.startsWith("[")) { // array: clone, length and Object methods
            if (element != null) classRef(element, where);
            denyIfAny(AllowList.memberDenial("java/lang/Object", name, descriptor), where);
            return;
        }
        Set<String> seen = new HashSet<>();
        resolveUp(owner, name, descriptor, method, where, seen, true);
        if (method && !name.startsWith("<") && produced.containsKey(owner)) {
            for (String sub : subtypes(owner)) resolveUp(sub, name, descriptor, method, where, seen, false);
        }
    }

    private void resolveUp(String owner, String name, String descriptor, boolean method, String where, Set<String> seen, boolean symbolic) {
        if (!seen.add(owner)) return;
        ClassInfo info = produced.get(owner);
        if (info == null) {
            classRef(owner, where);
            if (!symbolic && !LibraryMembers.exists(owner, name, descriptor, method)) return;
            denyIfAny(AllowList.memberDenial(owner, name, descriptor), where);
            denyIfAny(LibraryMembers.denial(owner, name, descriptor, method), where);
            return;
        }
        if (method ? info.methods.contains(name + descriptor) : info.fields.contains(name + ":" + descriptor)) {
            if (name.equals("getClass") || name.equals("finalize")) denyIfAny(AllowList.memberDenial(owner, name, descriptor), where);
            return;
        }
        // inherited: every ancestor it could resolve to must allow it
        if (info.superName != null) resolveUp(info.superName, name, descriptor, method, where, seen, symbolic);
        for (String i : info.interfaces) resolveUp(i, name, descriptor, method, where, seen, symbolic);
    }

    private final Map<String, List<String>> subtypes = new HashMap<>();

    /** The candidate classes and interfaces that are proper subtypes of {@code type}. */
    private List<String> subtypes(String type) {
        return subtypes.computeIfAbsent(type, t -> {
            List<String> out = new ArrayList<>();
            for (String c : produced.keySet()) if (!c.equals(t) && candidateAncestors(c).contains(t)) out.add(c);
            return out;
        });
    }

    private final Map<String, Set<String>> ancestors = new HashMap<>();

    /** Every super type of a candidate class (candidate and library), without recursion. */
    private Set<String> candidateAncestors(String type) {
        Set<String> known = ancestors.get(type);
        if (known != null) return known;
        Set<String> acc = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            ClassInfo info = produced.get(todo.poll());
            if (info == null) continue;
            if (info.superName != null && acc.add(info.superName)) todo.add(info.superName);
            for (String i : info.interfaces) if (acc.add(i)) todo.add(i);
        }
        ancestors.put(type, acc);
        return acc;
    }

    /** Whether a handler of this type catches a StackOverflowError, a VirtualMachineError or a LinkageError. */
    private boolean catchesJvmErrors(String type) {
        if (produced.containsKey(type)) return false; // a candidate's own class cannot be a JVM error's type
        try {
            Class<?> t = Class.forName(type.replace('/', '.'), false, BytecodeScanner.class.getClassLoader());
            return t.isAssignableFrom(StackOverflowError.class) || t.isAssignableFrom(NoClassDefFoundError.class)
                    || VirtualMachineError.class.isAssignableFrom(t) || LinkageError.class.isAssignableFrom(t);
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
    }

    private static void denyIfAny(String denial, String where) {
        if (denial != null) throw new Violation(denial + " (" + where + ")");
    }
}
