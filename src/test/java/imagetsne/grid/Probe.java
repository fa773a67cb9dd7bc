package imagetsne.grid;
public class Probe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        double rel = Double.parseDouble(a[1]);
        double[] xy = ClusteredPoints.generate(n, 42);
        GridShape s = GridShape.choose(n, 1);
        long t = System.nanoTime();
        AuctionLap r = new AuctionLap(xy, s);
        int[] c = r.solve(rel);
        System.out.printf("n=%d %.3fs bids=%d eps=%.3g bound=%.4f cost=%.6f%n", n, (System.nanoTime()-t)/1e9, r.bids, r.finalEps, r.gapBound, GridAssigner.cost(xy, s, c));
    }
}
