package dev.thetaevolve.evaluate;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-made class files for what no compiler emits from Java source: the scan's second net. */
class BytecodeScannerTest {

    private static byte[] classWith(Consumer<ClassWriter> extra, Consumer<MethodVisitor> code) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Cand", null, "java/lang/Object", null);
        extra.accept(cw);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "solve", "()[D", null, null);
        mv.visitCode();
        code.accept(mv);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_DOUBLE);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static String violation(byte[] b) {
        return BytecodeScanner.scan(List.of(b)).violation();
    }

    @Test
    void scan_cleanClass_findsSolve() {
        BytecodeScanner.Result r = BytecodeScanner.scan(List.of(classWith(cw -> { }, mv -> { })));
        assertThat(r.violation()).isNull();
        assertThat(r.classes()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Cand");
            assertThat(c.solveDescriptor()).isEqualTo("()[D");
        });
    }

    @Test
    void scan_unusedConstantPoolClassEntry_isRefused() {
        byte[] b = classWith(cw -> cw.newClass("java/lang/Runtime"), mv -> { });
        assertThat(violation(b)).contains("java.lang.Runtime").contains("constant pool");
    }

    @Test
    void scan_unusedConstantPoolMethodEntry_isRefused() {
        byte[] b = classWith(cw -> cw.newMethod("java/lang/System", "exit", "(I)V", false), mv -> { });
        assertThat(violation(b)).contains("java.lang.System.exit");
    }

    @Test
    void scan_ldcMethodHandle_isRefused() {
        Handle h = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false);
        byte[] b = classWith(cw -> { }, mv -> {
            mv.visitLdcInsn(h);
            mv.visitInsn(Opcodes.POP);
        });
        assertThat(violation(b)).contains("method handle");
    }

    @Test
    void scan_foreignBootstrap_isRefused() {
        Handle bsm = new Handle(Opcodes.H_INVOKESTATIC, "Cand", "boot",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
        byte[] b = classWith(cw -> { }, mv -> {
            mv.visitInvokeDynamicInsn("x", "()V", bsm);
        });
        assertThat(violation(b)).contains("bootstrap");
    }

    @Test
    void scan_nativeMethod_isRefused() {
        byte[] b = classWith(cw -> cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE, "evil", "()V", null, null).visitEnd(), mv -> { });
        assertThat(violation(b)).contains("native");
    }

    @Test
    void scan_inheritedForbiddenMember_isRefused() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Zone", null, "java/util/TimeZone", null);
        cw.visitEnd();
        byte[] zone = cw.toByteArray();
        byte[] cand = classWith(w -> { }, mv -> {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "Zone", "setDefault", "(Ljava/util/TimeZone;)V", false);
        });
        assertThat(BytecodeScanner.scan(List.of(zone, cand)).violation()).contains("java.util.TimeZone.setDefault");
    }
}
