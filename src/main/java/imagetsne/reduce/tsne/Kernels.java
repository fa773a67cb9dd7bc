package imagetsne.reduce.tsne;

/** Public face of the package's {@link Kernel}s. */
public final class Kernels {
    private Kernels() {}

    /**
     * The kernel in use: "scalar", or when the JVM runs with --add-modules jdk.incubator.vector
     * "simd-16x32" (AVX-512: 16 floats, or 8 doubles, per instruction) or "simd-8x32" (AVX2).
     */
    public static String name() { return Kernel.best().name(); }

    /** Runs below this many points skip the warm-up: it costs ~40 ms and they are done sooner. */
    public static final int WARM_UP_FROM = 2_000;

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /** {@link Kernel#warmUp} once per JVM: the compiled code stays. */
    public static void warmUp() {
        if (WARMED.compareAndSet(false, true)) Kernel.warmUp(Kernel.best());
    }
}
