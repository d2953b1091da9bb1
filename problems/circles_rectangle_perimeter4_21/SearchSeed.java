import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: a penalty local solve of centres and radii (maximise the sum of radii minus a growing
 * penalty on pair overlaps and on width + height above 2, with Adam steps), then a repair to strict
 * validity: overlapping pairs lose radius, and the whole picture is scaled until width + height <= 2.
 * perturb relocates a few circles (radius reset small) and jitters the rest.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N = 21;

    public static double[][] initial(SplittableRandom random) {
        double[][] c = new double[N][3];
        for (int i = 0; i < N; i++) {
            c[i][0] = random.nextDouble();
            c[i][1] = random.nextDouble();
            c[i][2] = 0.01;
        }
        return repair(c);
    }

    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        double[] x = new double[3 * N];
        for (int i = 0; i < N; i++) for (int d = 0; d < 3; d++) x[3 * i + d] = current[i][d];
        double[] g = new double[3 * N], m = new double[3 * N], v = new double[3 * N];
        double mu = 10, lr = 0.003;
        int t = 0;
        while (System.nanoTime() < deadlineNanos && t < 4000) { // a local solve: ends when the schedule does
            t++;
            gradient(x, mu, g);
            for (int i = 0; i < x.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                x[i] -= lr * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-12);
                if (i % 3 == 2 && x[i] < 0) x[i] = 0;
            }
            if (t % 200 == 0) {
                mu = Math.min(mu * 2, 1e8);
                lr = Math.max(lr * 0.75, 1e-6);
            }
        }
        double[][] c = new double[N][3];
        for (int i = 0; i < N; i++) for (int d = 0; d < 3; d++) c[i][d] = x[3 * i + d];
        c = repair(c);
        return objective.better(c, current) ? c : current;
    }

    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
        double[][] c = copy(current);
        double[] box = box(c);
        int moves = 1 + random.nextInt(1 + (int) (intensity * 3));
        for (int k = 0; k < moves; k++) {
            int i = random.nextInt(N);
            c[i][0] = box[0] + random.nextDouble() * (box[1] - box[0]);
            c[i][1] = box[2] + random.nextDouble() * (box[3] - box[2]);
            c[i][2] = 0.02;
        }
        for (int i = 0; i < N; i++) for (int d = 0; d < 2; d++) c[i][d] += 0.02 * intensity * (random.nextDouble() - 0.5);
        return c;
    }

    /** Gradient of -sum r + mu (sum of squared overlaps + squared excess of width + height over 2). */
    static void gradient(double[] x, double mu, double[] g) {
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < N; i++) g[3 * i + 2] = -1;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1];
                double d = Math.sqrt(dx * dx + dy * dy) + 1e-15;
                double o = x[3 * i + 2] + x[3 * j + 2] - d;
                if (o <= 0) continue;
                double f = 2 * mu * o;
                g[3 * i + 2] += f;
                g[3 * j + 2] += f;
                g[3 * i] -= f * dx / d;
                g[3 * i + 1] -= f * dy / d;
                g[3 * j] += f * dx / d;
                g[3 * j + 1] += f * dy / d;
            }
        }
        int[] ext = new int[4]; // argmin(x - r), argmax(x + r), argmin(y - r), argmax(y + r)
        double[] val = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < N; i++) {
            double r = x[3 * i + 2];
            if (x[3 * i] - r < val[0]) { val[0] = x[3 * i] - r; ext[0] = i; }
            if (x[3 * i] + r > val[1]) { val[1] = x[3 * i] + r; ext[1] = i; }
            if (x[3 * i + 1] - r < val[2]) { val[2] = x[3 * i + 1] - r; ext[2] = i; }
            if (x[3 * i + 1] + r > val[3]) { val[3] = x[3 * i + 1] + r; ext[3] = i; }
        }
        double excess = (val[1] - val[0]) + (val[3] - val[2]) - 2;
        if (excess > 0) {
            double f = 2 * mu * excess;
            g[3 * ext[0]] -= f; g[3 * ext[0] + 2] += f;
            g[3 * ext[1]] += f; g[3 * ext[1] + 2] += f;
            g[3 * ext[2] + 1] -= f; g[3 * ext[2] + 2] += f;
            g[3 * ext[3] + 1] += f; g[3 * ext[3] + 2] += f;
        }
    }

    /** Strictly valid: shrink overlapping pairs, then scale everything so width + height < 2. */
    static double[][] repair(double[][] in) {
        double[][] c = copy(in);
        for (int i = 0; i < N; i++) if (!(c[i][2] >= 0)) c[i][2] = 0;
        for (int round = 0; round < 50; round++) {
            boolean clean = true;
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++) {
                    double d = Math.sqrt((c[i][0] - c[j][0]) * (c[i][0] - c[j][0]) + (c[i][1] - c[j][1]) * (c[i][1] - c[j][1]));
                    double o = c[i][2] + c[j][2] - d;
                    if (o >= 0 && c[i][2] + c[j][2] > 0) {
                        clean = false;
                        double cut = o / 2 + 1e-13;
                        c[i][2] = Math.max(0, c[i][2] - cut);
                        c[j][2] = Math.max(0, c[j][2] - cut);
                    }
                }
            }
            if (clean) break;
        }
        double[] b = box(c);
        double f = 2 / ((b[1] - b[0]) + (b[3] - b[2])) * (1 - 1e-12);
        for (int i = 0; i < N; i++) for (int d = 0; d < 3; d++) c[i][d] *= f;
        return c;
    }

    static double[] box(double[][] c) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < N; i++) {
            b[0] = Math.min(b[0], c[i][0] - c[i][2]);
            b[1] = Math.max(b[1], c[i][0] + c[i][2]);
            b[2] = Math.min(b[2], c[i][1] - c[i][2]);
            b[3] = Math.max(b[3], c[i][1] + c[i][2]);
        }
        return b;
    }

    static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = new double[a[i].length];
            System.arraycopy(a[i], 0, b[i], 0, a[i].length);
        }
        return b;
    }
    // EVOLVE-BLOCK-END
}
