package imagetsne.layout;

import imagetsne.grid.GridShape;

/**
 * Where a layout's unit square goes in a pixel area: one rectangle for the t-SNE view and the grid view,
 * on screen and in posters, so that what is shown is what the grid assignment priced (its cost is
 * measured in the unit square, cell (c, r) at (c/(cols-1), r/(rows-1))) and the animation between the
 * views moves each sprite exactly that far. The rectangle has the grid's proportions, (cols-1) x (rows-1)
 * cell pitches, so the cells are square; it is fitted into the area with half a cell to spare on every
 * side, room for the sprites around the outermost centres.
 *
 * @param left, top     the pixel position of the unit square's (0, 0)
 * @param width, height the pixel size of the unit square
 * @param pitch         the distance between neighbouring cells, in pixels
 */
public record Placement(double left, double top, double width, double height, double pitch) {

    /** The rectangle for a grid shape in an area (pixels). */
    public static Placement fit(double areaLeft, double areaTop, double areaWidth, double areaHeight, GridShape shape) {
        int cols = shape.cols(), rows = shape.rows();
        double pitch = Math.max(1e-9, Math.min(areaWidth / cols, areaHeight / rows));
        double w = pitch * (cols - 1), h = pitch * (rows - 1);
        return new Placement(areaLeft + (areaWidth - w) / 2, areaTop + (areaHeight - h) / 2, w, h, pitch);
    }

    /**
     * The rectangle for n items in an area: their grid's if they have one, else the shape the grid will
     * get for this area ({@link GridShape#choose}), so the picture does not jump when the grid arrives.
     */
    public static Placement fit(double areaLeft, double areaTop, double areaWidth, double areaHeight, int n, GridShape grid) {
        GridShape shape = grid != null ? grid : GridShape.choose(Math.max(1, n), areaWidth / Math.max(1e-9, areaHeight));
        return fit(areaLeft, areaTop, areaWidth, areaHeight, shape);
    }

    public double x(double u) { return left + u * width; }

    public double y(double v) { return top + v * height; }

    /** A sprite's side in the t-SNE view: the area per item, as the grid gives each its cell. */
    public double tsneSprite(int n) {
        double w = Math.max(width, pitch), h = Math.max(height, pitch);
        return Math.max(1, 0.9 * Math.sqrt(w * h / Math.max(1, n)));
    }

    /** A sprite's side in the grid view: its cell, with a gap. */
    public double gridSprite() { return Math.max(1, 0.92 * pitch); }
}
