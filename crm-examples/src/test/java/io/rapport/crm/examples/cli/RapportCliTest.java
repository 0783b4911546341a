package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help prints cleanly: no picocli format warning, the command's usage line. */
class RapportCliTest {

  @ParameterizedTest(name = "rapport {0} --help")
  @ValueSource(strings = {"", "demo", "clv", "clv fit", "clv predict", "rfm", "nps", "quote"})
  void helpPrintsWithoutWarnings(String command) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliRun run = new CliRun();
    int exit;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
      exit = run.rapport(args);
    } finally {
      System.setErr(original);
    }
    assertThat(exit).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    assertThat(run.out.toString()).startsWith("Usage: rapport" + (command.isEmpty() ? "" : " " + command));
  }
}
