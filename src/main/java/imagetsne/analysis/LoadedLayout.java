package imagetsne.analysis;

import imagetsne.grid.GridAssignment;
import imagetsne.layout.Layout;
import imagetsne.source.SkippedFile;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A layout read from JSON with its thumbnails (null for images that are missing or unreadable: drawn as
 * placeholders, kept in the layout so a re-save loses nothing).
 *
 * @param grid       the assignment made here when the file had no grid cells, else null
 * @param missing    image paths not found
 * @param unreadable images found but not decodable, with the reason
 */
public record LoadedLayout(Layout layout, List<BufferedImage> thumbnails, GridAssignment grid, List<String> missing,
                           List<SkippedFile> unreadable) {}
