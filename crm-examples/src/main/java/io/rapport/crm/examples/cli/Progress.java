package io.rapport.crm.examples.cli;

import java.io.PrintWriter;

/**
 * Draws a progress bar on standard error while a long step runs, and nothing when the output is
 * not a terminal ({@code System.console() == null}), so logs and pipes stay clean.
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private int shown = -1;
  private String label = "";

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Returns a progress bar on {@code err} that draws only on a terminal. */
  static Progress onTerminal(PrintWriter err) {
    return new Progress(err, System.console() != null);
  }

  /** Shows that {@code done} of {@code total} units of the step {@code label} are done. */
  void update(String label, long done, long total) {
    if (!enabled || total <= 0) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == shown && label.equals(this.label)) {
      return;
    }
    shown = percent;
    this.label = label;
    int filled = percent * WIDTH / 100;
    err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
        + percent + "%");
    err.flush();
  }

  /** Shows a step without a known size, such as a fit. */
  void step(String label) {
    if (enabled) {
      finish();
      err.print(label + "...");
      err.flush();
      shown = 0;
      this.label = label;
    }
  }

  /** Ends the current line, if a bar or step is shown. */
  void finish() {
    if (enabled && shown >= 0) {
      err.println();
      err.flush();
      shown = -1;
    }
  }
}
