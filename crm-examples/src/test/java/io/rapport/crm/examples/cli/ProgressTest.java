package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void drawsABarOnATerminal() {
    StringWriter err = new StringWriter();
    Progress progress = new Progress(new PrintWriter(err), true);
    progress.update("reading", 50, 100);
    progress.update("reading", 50, 100);
    progress.update("reading", 100, 100);
    progress.finish();
    assertThat(err.toString())
        .isEqualTo("\rreading [###############               ] 50%"
            + "\rreading [##############################] 100%" + System.lineSeparator());
  }

  @Test
  void staysQuietOffATerminal() {
    StringWriter err = new StringWriter();
    Progress progress = new Progress(new PrintWriter(err), false);
    progress.update("reading", 50, 100);
    progress.step("fitting");
    progress.finish();
    assertThat(err.toString()).isEmpty();
  }
}
