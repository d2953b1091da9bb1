package dev.thetaevolve.evaluate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerProtocolTest {

    static List<Object> outputs() {
        return List.of(new double[][] {{1, 2}, {3}}, new double[] {Double.NaN, -0.0, 1e300}, new long[][] {{Long.MAX_VALUE}},
                new int[][] {{-1, 1}, {}}, new int[] {7}, new long[] {Long.MIN_VALUE, 0});
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void writeOutput_readOutput_roundTripsEveryType(Object output) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        WorkerProtocol.writeOutput(out, output);
        WorkerProtocol.writeFrame(new DataOutputStream(new ByteArrayOutputStream()), buf.toByteArray());
        Object back = WorkerProtocol.readOutput(new DataInputStream(new java.io.ByteArrayInputStream(buf.toByteArray())));
        assertThat(back).isExactlyInstanceOf(output.getClass());
        assertThat(java.util.Objects.deepEquals(back, output)).as("bit-exact round trip, NaN and -0.0 included").isTrue();
    }

    @Test
    void checkOutput_capsAndShapes_nameWhatCameBack() {
        assertThat(WorkerProtocol.checkOutput(new double[10], "double[]", 100, 1 << 20)).isNull();
        assertThat(WorkerProtocol.checkOutput(new double[101], "double[]", 100, 1 << 20)).contains("101 numbers; the cap is 100");
        assertThat(WorkerProtocol.checkOutput(new double[1000], "double[]", 10_000, 2048)).contains("bytes; the cap is 2048");
        assertThat(WorkerProtocol.checkOutput("text", "double[]", 100, 1 << 20)).contains("java.lang.String");
        assertThat(WorkerProtocol.checkOutput(new float[1], "double[]", 100, 1 << 20)).contains("float[]");
        assertThat(WorkerProtocol.checkOutput(new int[][] {{1}, null}, "int[][]", 100, 1 << 20)).contains("row 1 is null");
        // one row shared by a million references still counts a million times
        double[] row = new double[10];
        double[][] alias = new double[100_000][];
        java.util.Arrays.fill(alias, row);
        assertThat(WorkerProtocol.checkOutput(alias, "double[][]", 1_000_000, 1L << 30)).contains("the cap is 1000000");
    }

    @Test
    void readFrame_oversizeOrLyingLengths_areRefused() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new DataOutputStream(buf).writeInt(1 << 30);
        assertThatThrownBy(() -> WorkerProtocol.readFrame(new DataInputStream(new java.io.ByteArrayInputStream(buf.toByteArray())), 1024))
                .hasMessageContaining("exceeds the limit");
        ByteArrayOutputStream lie = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(lie);
        d.writeByte(2);
        d.writeInt(Integer.MAX_VALUE); // claims 2^31 doubles, holds none
        assertThatThrownBy(() -> WorkerProtocol.readOutput(new DataInputStream(new java.io.ByteArrayInputStream(lie.toByteArray()))))
                .hasMessageContaining("bad array length");
    }
}
