package io.rapport.crm.persistence.privacy;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactDecision;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Says why a privacy service changed nothing: an outbound contact the customer did not consent to,
 * a customer that is not stored, or input an interaction cannot take. Immutable and thread-safe.
 *
 * @param code the stable code: {@code privacy.no_consent}, {@code privacy.customer_not_found},
 *     {@code privacy.interaction_invalid}
 * @param message what happened, for people
 * @param decision the consent decision that refused the contact (its reason and the deciding
 *     record), present exactly for {@code privacy.no_consent}
 * @param violations the violations of the input, otherwise empty
 */
public record PrivacyRefusal(String code, String message, Option<ContactDecision> decision,
    Seq<Violation> violations) implements Rejection {

  /** The code of a contact refused for want of consent. */
  public static final String NO_CONSENT = "privacy.no_consent";
  /** The code of a customer that is not stored. */
  public static final String CUSTOMER_NOT_FOUND = "privacy.customer_not_found";
  /** The code of an interaction the input does not describe validly. */
  public static final String INTERACTION_INVALID = "privacy.interaction_invalid";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, the decision or a violation is null
   * @throws IllegalArgumentException if a decision is present for another code than
   *     {@code privacy.no_consent}, or missing for it, or if it allows the contact
   */
  public PrivacyRefusal {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(decision, "decision");
    requireNonNull(violations, "violations");
    decision.forEach(value -> requireNonNull(value, "decision"));
    violations.forEach(value -> requireNonNull(value, "violations"));
    if (decision.isDefined() != code.equals(NO_CONSENT)) {
      throw new IllegalArgumentException("A consent decision goes with " + NO_CONSENT
          + " only, not with " + code);
    }
    if (decision.exists(ContactDecision::allowed)) {
      throw new IllegalArgumentException("A refusal cannot rest on a decision that allows contact");
    }
  }

  /** Returns the reason of the consent decision, for {@code privacy.no_consent}; else empty. */
  public Option<ContactDecision.Reason> consentReason() {
    return decision.map(ContactDecision::reason);
  }

  static PrivacyRefusal noConsent(ContactDecision decision, String message) {
    return new PrivacyRefusal(NO_CONSENT, message, Option.of(decision), List.empty());
  }

  static PrivacyRefusal of(String code, String message) {
    return new PrivacyRefusal(code, message, Option.none(), List.empty());
  }
}
