package imagetsne.features.nn;

/** A tensor a {@link NetworkBuilder} has defined: its slot in the network and its shape. */
public record Value(int slot, int h, int w, int c, int stride) {}
