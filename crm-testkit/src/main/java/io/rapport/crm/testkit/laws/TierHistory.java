package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Pairs a program and a member's joining time with their qualifying entries (reversals
 * included), ordered by time, and the time up to which the laws look. Immutable and thread-safe.
 *
 * @param program the program, with a valid ladder
 * @param joinedAt when the member joined
 * @param entries the qualifying entries, ordered by time, none before {@code joinedAt}
 * @param until the last time the laws probe, not before the last entry
 */
public record TierHistory(LoyaltyProgram program, Instant joinedAt, Seq<QualifyingEntry> entries,
    Instant until) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an entry is null
   */
  public TierHistory {
    requireNonNull(program, "program");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(entries, "entries");
    requireNonNull(until, "until");
    entries.forEach(entry -> requireNonNull(entry, "entries element"));
  }

  /**
   * Returns this history with one more entry, placed after the entries at or before its time.
   *
   * @param entry the entry
   * @return the longer history
   * @throws NullPointerException if entry is null
   */
  public TierHistory with(QualifyingEntry entry) {
    requireNonNull(entry, "entry");
    int at = entries.lastIndexWhere(e -> !e.at().isAfter(entry.at())) + 1;
    return new TierHistory(program, joinedAt, entries.insert(at, entry), until);
  }
}
