package dev.thetaevolve.rl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.thetaevolve.mutate.BuiltinOperator;
import dev.thetaevolve.mutate.MutationPolicy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in mutation policy's network: {@code features → tanh(W1·x + b1) → W2·h + b2}, whose output
 * holds three heads of logits (operator, location bucket, magnitude bucket). The parameters live in Java
 * arrays: sampling runs this 700-multiply forward pass in plain Java (a JNI round trip per sample would
 * cost more than the math), and {@link #update} builds fresh DJL arrays from them for one autodiff pass,
 * so no gradient is ever left over between updates (DJL's GradientCollector does not zero the gradients
 * of hand-made arrays). Adam runs in Java on the same arrays, its moments are part of the checkpoint.
 *
 * <p>Not thread-safe: {@link LearnedPolicy} guards it.
 */
final class PolicyNet {
    static final int FEATURES = PolicyFeatures.COUNT;
    static final int OPS = BuiltinOperator.values().length;
    static final int LOCS = MutationPolicy.LOCATIONS;
    static final int MAGS = MutationPolicy.MAGNITUDES;
    static final int OUT = OPS + LOCS + MAGS;
    private static final int MAGIC = 0x54485250; // "THRP"
    private static final int VERSION = 1;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;

    final int hidden;
    /** w1 [FEATURES × hidden], b1 [hidden], w2 [hidden × OUT], b2 [OUT], row-major. */
    final double[][] params;
    private final double[][] m;
    private final double[][] v;
    private long t;

    private PolicyNet(int hidden, double[][] params, double[][] m, double[][] v, long t) {
        this.hidden = hidden;
        this.params = params;
        this.m = m;
        this.v = v;
        this.t = t;
    }

    /**
     * A fresh network whose output ignores the features at first: W2 = 0, so the operator head starts at
     * {@code log(prior)} and the location and magnitude heads uniform; W1 is Gaussian with std 1/√F.
     */
    static PolicyNet init(int hidden, long seed, double[] opPrior) {
        if (opPrior.length != OPS) throw new IllegalArgumentException("operator prior needs " + OPS + " weights, got " + opPrior.length);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w1 = new double[FEATURES * hidden];
        for (int i = 0; i < w1.length; i++) w1[i] = rnd.nextGaussian() / Math.sqrt(FEATURES);
        double[] b2 = new double[OUT];
        double total = 0;
        for (double p : opPrior) total += p;
        for (int i = 0; i < OPS; i++) b2[i] = Math.log(Math.max(opPrior[i], 1e-6) / total);
        double[][] p = {w1, new double[hidden], new double[hidden * OUT], b2};
        return new PolicyNet(hidden, p, zerosLike(p), zerosLike(p), 0);
    }

    private static double[][] zerosLike(double[][] p) {
        double[][] z = new double[p.length][];
        for (int i = 0; i < p.length; i++) z[i] = new double[p[i].length];
        return z;
    }

    /** The OUT logits for one feature vector. */
    double[] logits(double[] x) {
        double[] w1 = params[0], b1 = params[1], w2 = params[2], b2 = params[3];
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double s = b1[j];
            for (int i = 0; i < FEATURES; i++) s += x[i] * w1[i * hidden + j];
            h[j] = Math.tanh(s);
        }
        double[] z = b2.clone();
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < OUT; k++) z[k] += h[j] * w2[j * OUT + k];
        }
        return z;
    }

    /** Log-softmax of {@code z[from, from+n)}, entries with {@code mask[i] == false} excluded (−∞). */
    static double[] logSoftmax(double[] z, int from, int n, boolean[] mask) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) if (mask == null || mask[i]) max = Math.max(max, z[from + i]);
        double sum = 0;
        for (int i = 0; i < n; i++) if (mask == null || mask[i]) sum += Math.exp(z[from + i] - max);
        double log = max + Math.log(sum);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = mask == null || mask[i] ? z[from + i] - log : Double.NEGATIVE_INFINITY;
        return out;
    }

    /** Log-probability of a decision: operator + location + (magnitude, when {@code mag >= 0}). */
    static double logprob(double[] z, boolean[] opMask, int op, int loc, int mag) {
        double lp = logSoftmax(z, 0, OPS, opMask)[op] + logSoftmax(z, OPS, LOCS, null)[loc];
        return mag >= 0 ? lp + logSoftmax(z, OPS + LOCS, MAGS, null)[mag] : lp;
    }

    /** One decision to learn from: what was seen, what was chosen, how likely it was, how good it turned out. */
    record Example(double[] features, boolean[] opMask, int op, int loc, int mag, double oldLogprob, double advantage) {
    }

    /**
     * One GRPO optimizer step over {@code batch}: maximizes the mean PPO-clip surrogate (no KL) with Adam.
     *
     * @return the loss before the step (minus the mean surrogate)
     */
    double update(List<Example> batch, double lr, double clipLow, double clipHigh) {
        int n = batch.size();
        if (n == 0) throw new IllegalArgumentException("an update needs at least one example");
        double[] x = new double[n * FEATURES], maskAdd = new double[n * OPS], opHot = new double[n * OPS],
                locHot = new double[n * LOCS], magHot = new double[n * MAGS], old = new double[n], adv = new double[n];
        for (int r = 0; r < n; r++) {
            Example e = batch.get(r);
            System.arraycopy(e.features(), 0, x, r * FEATURES, FEATURES);
            for (int k = 0; k < OPS; k++) maskAdd[r * OPS + k] = e.opMask()[k] ? 0 : -1e9;
            opHot[r * OPS + e.op()] = 1;
            locHot[r * LOCS + e.loc()] = 1;
            if (e.mag() >= 0) magHot[r * MAGS + e.mag()] = 1;
            old[r] = e.oldLogprob();
            adv[r] = e.advantage();
        }
        double[][] grads = new double[params.length][];
        double loss;
        try (NDManager mgr = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray w1 = mgr.create(params[0], new Shape(FEATURES, hidden));
            NDArray b1 = mgr.create(params[1], new Shape(hidden));
            NDArray w2 = mgr.create(params[2], new Shape(hidden, OUT));
            NDArray b2 = mgr.create(params[3], new Shape(OUT));
            NDArray[] p = {w1, b1, w2, b2};
            for (NDArray a : p) a.setRequiresGradient(true);
            try (GradientCollector gc = mgr.getEngine().newGradientCollector()) {
                NDArray z = mgr.create(x, new Shape(n, FEATURES)).matMul(w1).add(b1).tanh().matMul(w2).add(b2);
                NDArray lp = z.get(":, 0:" + OPS).add(mgr.create(maskAdd, new Shape(n, OPS))).logSoftmax(1)
                        .mul(mgr.create(opHot, new Shape(n, OPS))).sum(new int[] {1})
                        .add(z.get(":, " + OPS + ":" + (OPS + LOCS)).logSoftmax(1).mul(mgr.create(locHot, new Shape(n, LOCS))).sum(new int[] {1}))
                        .add(z.get(":, " + (OPS + LOCS) + ":" + OUT).logSoftmax(1).mul(mgr.create(magHot, new Shape(n, MAGS))).sum(new int[] {1}));
                NDArray a = mgr.create(adv);
                NDArray ratio = lp.sub(mgr.create(old)).exp();
                NDArray surrogate = ratio.mul(a).minimum(ratio.clip(1 - clipLow, 1 + clipHigh).mul(a));
                NDArray lossArray = surrogate.mean().neg();
                gc.backward(lossArray);
                loss = lossArray.getDouble();
            }
            for (int i = 0; i < p.length; i++) grads[i] = p[i].getGradient().toDoubleArray();
        }
        adam(grads, lr);
        return loss;
    }

    private void adam(double[][] grads, double lr) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t), c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i], g = grads[i], mi = m[i], vi = v[i];
            for (int k = 0; k < p.length; k++) {
                mi[k] = BETA1 * mi[k] + (1 - BETA1) * g[k];
                vi[k] = BETA2 * vi[k] + (1 - BETA2) * g[k] * g[k];
                p[k] -= lr * (mi[k] / c1) / (Math.sqrt(vi[k] / c2) + ADAM_EPS);
            }
        }
    }

    /** Optimizer steps taken. */
    long steps() {
        return t;
    }

    /** Parameters and Adam state, versioned. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(FEATURES);
            out.writeInt(hidden);
            out.writeInt(OUT);
            out.writeLong(t);
            for (double[][] group : new double[][][] {params, m, v}) {
                for (double[] a : group) for (double d : a) out.writeDouble(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes()}; IllegalArgumentException when the bytes are not a checkpoint of this network's shape. */
    static PolicyNet fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a policy checkpoint (bad magic number)");
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException("policy checkpoint version " + version + " is not supported (expected " + VERSION + ")");
            int f = in.readInt(), h = in.readInt(), o = in.readInt();
            if (f != FEATURES || o != OUT || h < 1) {
                throw new IllegalArgumentException("policy checkpoint has shape " + f + "x" + h + "x" + o + ", this build expects " + FEATURES + "xHx" + OUT);
            }
            long t = in.readLong();
            double[][][] groups = new double[3][][];
            for (int g = 0; g < 3; g++) {
                groups[g] = new double[][] {new double[f * h], new double[h], new double[h * o], new double[o]};
                for (double[] a : groups[g]) for (int k = 0; k < a.length; k++) a[k] = in.readDouble();
            }
            if (in.available() > 0) throw new IllegalArgumentException("policy checkpoint has " + in.available() + " trailing bytes");
            return new PolicyNet(h, groups[0], groups[1], groups[2], t);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy checkpoint is truncated: " + e.getMessage(), e);
        }
    }
}
