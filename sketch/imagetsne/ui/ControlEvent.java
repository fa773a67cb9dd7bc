package imagetsne.ui;

/** What a callback receives: a snapshot of the controller's value at the time of the change. */
public final class ControlEvent {
    private final Controller<?> controller;
    private final float value;
    private final String string;

    ControlEvent(Controller<?> controller) {
        this.controller = controller;
        this.value = controller.getValue();
        this.string = controller.stringValue();
    }

    public String name() { return controller.getName(); }

    public Controller<?> controller() { return controller; }

    public float value() { return value; }

    /** True for a toggle that is on or an open group; generally {@code value() != 0}. */
    public boolean booleanValue() { return value != 0; }

    /** The dropdown's item, a label's or progress bar's text, otherwise the formatted value. */
    public String stringValue() { return string; }

    @Override
    public String toString() { return "ControlEvent[" + name() + "=" + string + "]"; }
}
