/**
 * The control panel's widgets, in controlP5's idiom: named controllers, fluent setters, value callbacks,
 * {@code setBroadcast}, {@code setLock}, and controlP5's default colours.
 *
 * <p>Why our own: controlP5 is distributed through the Processing contribution manager only, not on Maven
 * Central or any other registry this build can reach, so the sketch cannot depend on it. This package is
 * the small subset the sketch needs. It depends on {@code processing.core} (any {@code PGraphics}, JAVA2D
 * or P2D) and the JDK only, and takes mouse coordinates as plain numbers, so it is tested without a display.
 *
 * <p>Entry point: {@link imagetsne.ui.Controls}. Single-threaded: call it from the sketch's animation thread.
 */
package imagetsne.ui;
