package io.rapport.crm.loyalty;

/**
 * Says what happens when a clawback must take back points the member already spent and the other
 * points of that currency do not cover them.
 */
public enum NegativeBalancePolicy {
  /**
   * Leaves a negative balance: the uncovered part becomes a debt, which later earnings pay first.
   * A negative adjustment beyond the balance becomes a debt too.
   */
  ALLOW,
  /**
   * Stops the balance at zero: the uncovered part is recorded as forfeited and forgiven. A
   * negative adjustment beyond the balance is refused.
   */
  FORFEIT,
  /**
   * Refuses a clawback or a negative adjustment that would take the balance below zero, with
   * {@code loyalty.negative_balance_refused}.
   */
  REFUSE
}
