package io.rapport.crm.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the customer-lifetime-value commands: {@code clv fit} and {@code clv predict}. */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Fits buy-till-you-die models and predicts customer lifetime value.",
    subcommands = {ClvFitCommand.class, ClvPredictCommand.class})
final class ClvCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
