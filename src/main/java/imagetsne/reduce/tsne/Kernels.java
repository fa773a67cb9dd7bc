package imagetsne.reduce.tsne;

/** Public face of the package's {@link Kernel}s. */
public final class Kernels {
    private Kernels() {}

    /**
     * The kernel in use: "scalar", or "simd-8x64" (AVX-512) / "simd-4x64" (AVX2) when the JVM runs with
     * --add-modules jdk.incubator.vector.
     */
    public static String name() { return Kernel.best().name(); }
}
