package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;

/**
 * Describes a stage an opportunity may move to from where it stands, and whether the guards of
 * that move hold now: what a screen offers, and what a refused move names. Immutable and
 * thread-safe.
 *
 * @param stage the stage's code
 * @param name the stage's name
 * @param kind open, won or lost; won is entered by {@link Opportunity#win}, lost by
 *     {@link Opportunity#lose}
 * @param failingGuards the guards of the move that do not hold now; empty when it may be made
 */
public record OpportunityNextStage(StageCode stage, String name, StageKind kind,
    Seq<StageGuard.Failure> failingGuards) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public OpportunityNextStage {
    requireNonNull(stage, "stage");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(failingGuards, "failingGuards");
    failingGuards.forEach(value -> requireNonNull(value, "failingGuards element"));
  }

  /** Tells whether every guard of the move holds now. */
  public boolean guardsHold() {
    return failingGuards.isEmpty();
  }

  /** Returns the code followed by {@code (ready)} or the codes of the failing guards. */
  @Override
  public String toString() {
    return stage + (guardsHold() ? " (ready)"
        : " (needs " + failingGuards.map(StageGuard.Failure::code).mkString(", ") + ")");
  }
}
