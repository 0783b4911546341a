package io.rapport.crm.sales;

import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;

/**
 * Tells where a lead stands in qualification, and which statuses each one may move to.
 *
 * <table>
 *   <caption>Allowed moves</caption>
 *   <tr><th>from</th><th>to</th><th>command</th></tr>
 *   <tr><td>{@code NEW}</td><td>{@code WORKING}, {@code QUALIFIED}, {@code DISQUALIFIED},
 *       {@code CONVERTED}</td><td>startWorking, qualify, disqualify, convert</td></tr>
 *   <tr><td>{@code WORKING}</td><td>{@code QUALIFIED}, {@code DISQUALIFIED},
 *       {@code CONVERTED}</td><td>qualify, disqualify, convert</td></tr>
 *   <tr><td>{@code QUALIFIED}</td><td>{@code DISQUALIFIED}, {@code CONVERTED}</td>
 *       <td>disqualify, convert</td></tr>
 *   <tr><td>{@code DISQUALIFIED}</td><td>{@code WORKING}</td><td>requalify</td></tr>
 *   <tr><td>{@code CONVERTED}</td><td>nothing: final</td><td></td></tr>
 * </table>
 */
public enum LeadStatus {
  /** Captured, not yet worked. */
  NEW,
  /** Being worked: contacted, being qualified. */
  WORKING,
  /** Qualified: ready to convert. */
  QUALIFIED,
  /** Disqualified, with a reason; may be requalified. */
  DISQUALIFIED,
  /** Converted into a customer and possibly an opportunity; final. */
  CONVERTED;

  /** Returns the statuses this one may move to, in the order of the table above. */
  public Set<LeadStatus> allowedNext() {
    switch (this) {
      case NEW:
        return LinkedHashSet.of(WORKING, QUALIFIED, DISQUALIFIED, CONVERTED);
      case WORKING:
        return LinkedHashSet.of(QUALIFIED, DISQUALIFIED, CONVERTED);
      case QUALIFIED:
        return LinkedHashSet.of(DISQUALIFIED, CONVERTED);
      case DISQUALIFIED:
        return LinkedHashSet.of(WORKING);
      default:
        return LinkedHashSet.empty();
    }
  }

  /**
   * Tells whether this status may move to another.
   *
   * @param next the status asked for
   * @return true if the table allows the move
   * @throws NullPointerException if next is null
   */
  public boolean mayMoveTo(LeadStatus next) {
    return allowedNext().contains(java.util.Objects.requireNonNull(next, "next"));
  }

  /** Tells whether a lead in this status is still in play: new, working or qualified. */
  public boolean isOpen() {
    return this == NEW || this == WORKING || this == QUALIFIED;
  }

  /** Tells whether this status is final: converted. */
  public boolean isFinal() {
    return this == CONVERTED;
  }
}
