package io.rapport.crm.examples.cli;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the {@code rapport} command line: {@code rapport demo} tells the demo story on the embedded
 * default store; the analyst commands {@code clv fit}, {@code clv predict}, {@code rfm},
 * {@code nps} and {@code quote} read the user's own files (see docs/cli.md).
 */
@Command(name = "rapport", mixinStandardHelpOptions = true, version = "rapport 0.1.0-SNAPSHOT",
    description = "Rapport: CRM rules as plain Java. Try 'rapport demo'.",
    subcommands = {DemoCommand.class, ClvCommand.class, RfmCommand.class, NpsCommand.class,
        QuoteCommand.class})
public final class RapportCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit status, for tests and embedding.
   *
   * @param args the command-line arguments
   * @return 0 on success, 2 on a usage error
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * Returns the configured command line. Invalid input (an {@link InvalidValueException}, or a
   * bad input file, named with its line and column) is reported with exit status 2, never as a
   * stack trace.
   *
   * @return the command line, ready to execute
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RapportCli());
    cli.setExecutionExceptionHandler((error, command, parsed) -> {
      if (error instanceof InputFileException) {
        for (String line : error.getMessage().split(System.lineSeparator())) {
          command.getErr().println("rapport: " + line);
        }
        return 2;
      }
      if (!(error instanceof InvalidValueException)) {
        throw error;
      }
      for (Violation violation : ((InvalidValueException) error).violations()) {
        command.getErr().println("rapport: invalid input: " + violation);
      }
      return 2;
    });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
