package imagetsne.reduce.tsne;

/** Public face of the package's {@link Kernel}s. */
final class Kernels {
    private Kernels() {}

    /**
     * The kernel in use: "scalar", or when the JVM runs with --add-modules jdk.incubator.vector
     * "simd-16x32" (AVX-512: 16 floats, or 8 doubles, per instruction) or "simd-8x32" (AVX2).
     */
    public static String name() { return Kernel.best().name(); }
}
