package imagetsne.features.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled feed-forward network for one image at a time: a list of steps over numbered tensors. It is
 * immutable and may be shared; each thread runs it with its own {@link Workspace}, so images are spread
 * over threads rather than each operation, which keeps every core busy without synchronisation.
 */
public final class Network {
    private final Kernels kernels;
    private final Value input;
    private final List<Step> steps;
    private final int slots;
    private final Map<String, Integer> outputs;
    /** Slots whose last reader is step i, released right after it. */
    private final int[][] releaseAfter;

    Network(Kernels kernels, Value input, List<Step> steps, int slots, Map<String, Integer> outputs) {
        this.kernels = kernels;
        this.input = input;
        this.steps = List.copyOf(steps);
        this.slots = slots;
        this.outputs = Map.copyOf(outputs);
        int[] lastUse = new int[slots];
        java.util.Arrays.fill(lastUse, -1);
        for (int i = 0; i < this.steps.size(); i++) for (int s : this.steps.get(i).inputs) lastUse[s] = i;
        java.util.Set<Integer> kept = new java.util.HashSet<>(outputs.values());
        int[] count = new int[this.steps.size()];
        for (int s = 0; s < slots; s++) if (lastUse[s] >= 0 && !kept.contains(s)) count[lastUse[s]]++;
        releaseAfter = new int[this.steps.size()][];
        for (int i = 0; i < count.length; i++) releaseAfter[i] = new int[count[i]];
        int[] fill = new int[count.length];
        for (int s = 0; s < slots; s++) if (lastUse[s] >= 0 && !kept.contains(s)) releaseAfter[lastUse[s]][fill[lastUse[s]]++] = s;
    }

    public Workspace newWorkspace() { return new Workspace(slots); }

    public int inputHeight() { return input.h(); }

    public int inputWidth() { return input.w(); }

    public int inputChannels() { return input.c(); }

    /** Channels of the named output, known from the shapes alone (nothing is run). */
    public int outputChannels(String name) {
        Integer slot = outputs.get(name);
        if (slot == null) throw new IllegalArgumentException("not an output of this network: " + name);
        for (Step st : steps) if (st.output == slot) return st.c;
        return input.c(); // the input layer itself
    }

    /** Multiply-adds per image. */
    public long macs() { return steps.stream().mapToLong(Step::macs).sum(); }

    /** "simd-16x32" or "scalar". */
    public String kernelName() { return kernels.name(); }

    /**
     * Runs one image.
     * @param hwc the input, height x width x channels in row-major order
     * @return the requested outputs by name, views valid until {@code ws} runs again
     */
    public Map<String, Tensor> run(float[] hwc, Workspace ws) {
        int h = input.h(), w = input.w(), c = input.c(), s = input.stride();
        if (hwc.length != h * w * c) throw new IllegalArgumentException("input has " + hwc.length + " values, expected " + h + "x" + w + "x" + c);
        Tensor[] t = ws.slots;
        for (int i = 0; i < t.length; i++) {
            if (t[i] != null) ws.release(t[i].data);
            t[i] = null;
        }
        float[] in = ws.acquire(h * w * s);
        if (s == c) System.arraycopy(hwc, 0, in, 0, hwc.length);
        else for (int p = 0; p < h * w; p++) {
            System.arraycopy(hwc, p * c, in, p * s, c);
            java.util.Arrays.fill(in, p * s + c, (p + 1) * s, 0f);
        }
        t[input.slot()] = new Tensor(h, w, c, s, in);
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            Tensor[] args = new Tensor[st.inputs.length];
            for (int a = 0; a < args.length; a++) args[a] = t[st.inputs[a]];
            float[] out = ws.acquire(st.size());
            st.run(args, out, ws, kernels);
            t[st.output] = new Tensor(st.h, st.w, st.c, st.stride, out);
            for (int r : releaseAfter[i]) {
                ws.release(t[r].data);
                t[r] = null;
            }
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        outputs.forEach((name, slot) -> result.put(name, t[slot]));
        return result;
    }
}
