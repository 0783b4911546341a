package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.loyalty.PointsLedger;
import io.vavr.collection.Seq;

/**
 * Pairs a starting ledger with the commands applied to it in order; refused commands leave the
 * ledger as it was. Immutable and thread-safe.
 *
 * @param start the ledger before the first command
 * @param commands the commands, in order
 */
public record LedgerHistory(PointsLedger start, Seq<LedgerCommand> commands) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a command is null
   */
  public LedgerHistory {
    requireNonNull(start, "start");
    requireNonNull(commands, "commands");
    commands.forEach(command -> requireNonNull(command, "commands element"));
  }

  /** Returns the ledger after every command, refused ones skipped. */
  public PointsLedger replay() {
    PointsLedger ledger = start;
    for (LedgerCommand command : commands) {
      PointsLedger before = ledger;
      ledger = command.applyTo(before).fold(refused -> before, accepted -> accepted.state());
    }
    return ledger;
  }
}
