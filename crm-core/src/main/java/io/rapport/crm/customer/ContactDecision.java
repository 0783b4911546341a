package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;

/**
 * Answers whether a customer may be contacted, with the reason and the consent record the answer
 * rests on, so that every outbound contact can be explained. Immutable and thread-safe.
 *
 * @param allowed whether the contact may happen
 * @param reason why
 * @param basis the deciding consent record; empty when there is none
 */
public record ContactDecision(boolean allowed, Reason reason, Option<ConsentRecord> basis) {

  /** Names why a contact is allowed or not. */
  public enum Reason {
    /** A grant in effect allows it. */
    GRANTED,
    /** No consent for that purpose on that channel was ever recorded (deny by default). */
    NO_CONSENT,
    /** The customer withdrew consent. */
    WITHDRAWN,
    /** Consent was asked for but not yet confirmed (double opt-in). */
    PENDING_CONFIRMATION,
    /** The grant ended. */
    EXPIRED,
    /** The customer was erased or merged into another: nobody may be contacted through it. */
    NOT_CONTACTABLE
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if allowed does not match the reason
   */
  public ContactDecision {
    requireNonNull(reason, "reason");
    requireNonNull(basis, "basis");
    if (allowed != (reason == Reason.GRANTED)) {
      throw new IllegalArgumentException("Only a grant allows contact, not " + reason);
    }
  }
}
