package io.rapport.crm.customer;

/** Names how a merge chooses a field's value when the two customers disagree. */
public enum SurvivorshipRule {
  /** The value of the customer changed most recently (ties go to the survivor). */
  MOST_RECENT,
  /** The more complete value: a present one over an absent one, then the longer one. */
  MOST_COMPLETE,
  /** The survivor's value, unless it has none. */
  SURVIVOR_WINS,
  /** The side a person chose for this merge (see {@link Survivorship#choose}). */
  MANUAL
}
