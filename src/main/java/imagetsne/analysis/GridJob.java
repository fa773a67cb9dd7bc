package imagetsne.analysis;

import imagetsne.grid.GridAssigner;
import imagetsne.grid.GridAssignment;
import imagetsne.grid.GridShape;
import imagetsne.layout.Layout;
import java.util.concurrent.CancellationException;

/**
 * Snaps a layout's points to a grid of the given shape (DESIGN.md's cost: squared distances in the unit
 * square, cell (c, r) at (c/(cols-1), r/(rows-1))), cancellable at any size. The layout is not changed:
 * {@link Layout#withGrid} takes the result.
 */
final class GridJob implements Job<GridAssignment> {
    private final double[] points;
    private final GridShape shape;
    private final GridAssigner.Mode mode;

    GridJob(Layout layout, GridShape shape, GridAssigner.Mode mode) {
        if (layout.size() > shape.cells()) throw new IllegalArgumentException(layout.size() + " items do not fit a " + shape.cols() + "x" + shape.rows() + " grid");
        this.points = layout.pointsFlat(2);
        this.shape = shape;
        this.mode = mode;
    }

    @Override public GridAssignment run(AnalysisListener l, CancelToken c) throws CancelToken.CancelledException {
        l.stage(Stage.GRID, "grid of " + shape.cols() + " x " + shape.rows() + " cells for " + points.length / 2 + " images");
        try {
            return GridAssigner.assign(points, shape, mode, (done, total) -> {
                l.progress(Stage.GRID, done, total);
                return !c.isCancelled();
            });
        } catch (CancellationException e) {
            throw new CancelToken.CancelledException();
        }
    }
}
