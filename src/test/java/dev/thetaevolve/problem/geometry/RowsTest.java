package dev.thetaevolve.problem.geometry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsTest {

    @Test
    void check_nullRow_reasonNamesTheRow() {
        double[][] rows = {{1, 2}, null};

        assertThat(Rows.check(rows, 2, 2, "point", "{x, y}")).isEqualTo("row 1 is null; it must hold exactly 2 numbers {x, y}");
    }

    @Test
    void check_wellFormed_null() {
        assertThat(Rows.check(new double[][] {{1, 2}, {3, 4}}, 2, 2, "point", "{x, y}")).isNull();
    }

    @Test
    void columnSum_cancellingMagnitudes_compensated() {
        double[][] rows = {{1e16}, {1}, {-1e16}};

        assertThat(Rows.columnSum(rows, 0)).isEqualTo(1.0);
    }
}
