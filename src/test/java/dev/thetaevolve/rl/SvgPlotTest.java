package dev.thetaevolve.rl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgPlotTest {

    @Test
    void render_drawsOnePolylinePerSeriesWithEscapedLegend() {
        String svg = SvgPlot.render("best <score>", "evaluations", "score", List.of(
                new SvgPlot.Series("RL on", new double[] {0, 10, 20}, new double[] {1, 2, 3}),
                new SvgPlot.Series("RL off & co", new double[] {0, 20}, new double[] {1, 2.5})));
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("best &lt;score&gt;", "RL off &amp; co");
        // the first series' first point sits at the left edge, its last at the right edge
        assertThat(svg).contains("points=\"80.0,");
        assertThat(svg).contains("620.0,");
    }

    @Test
    void render_withoutFinitePointsIsRejected() {
        assertThatThrownBy(() -> SvgPlot.render("t", "x", "y", List.of(new SvgPlot.Series("a", new double[] {Double.NaN}, new double[] {1}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no finite point");
    }
}
