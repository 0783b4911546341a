package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one way to reach a customer: the normalised value (email, phone, postal address or
 * messaging handle), an optional label such as {@code work}, whether it is the primary one of its
 * kind, whether it was verified, and the period it is valid for. Immutable and thread-safe.
 *
 * @param value the email, phone, address or handle
 * @param label a label such as {@code home}, {@code work} or {@code shop}, or empty
 * @param primary whether it is the customer's primary contact point of its kind
 * @param verified whether the customer proved they hold it (a confirmation link, a code)
 * @param validFrom from when it is valid, or empty for always
 * @param validUntil until when it is valid, exclusive, or empty for no end
 */
public record ContactPoint(ContactValue value, Option<String> label, boolean primary,
    boolean verified, Option<Instant> validFrom, Option<Instant> validUntil) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it ends before it starts
   *     ({@code contact.validity.ends_before_start})
   */
  public ContactPoint {
    requireNonNull(value, "value");
    requireNonNull(label, "label");
    requireNonNull(validFrom, "validFrom");
    requireNonNull(validUntil, "validUntil");
    if (validFrom.isDefined() && validUntil.exists(until -> !until.isAfter(validFrom.get()))) {
      Checks.orThrow(Checks.invalid("contact.validity.ends_before_start", "validUntil",
          "A contact point must stop being valid after it starts (" + validFrom.get() + ")"));
    }
  }

  /**
   * Returns an unverified contact point without label or validity limits.
   *
   * @param value the value
   * @return the contact point, not primary
   */
  public static ContactPoint of(ContactValue value) {
    return new ContactPoint(value, Option.none(), false, false, Option.none(), Option.none());
  }

  /** Returns the kind of the value. */
  public ContactKind kind() {
    return value.kind();
  }

  /** Returns whether it is valid at an instant. */
  public boolean isValidAt(Instant at) {
    return validFrom.forAll(from -> !at.isBefore(from)) && validUntil.forAll(at::isBefore);
  }

  /** Returns this contact point as primary or not. */
  public ContactPoint withPrimary(boolean isPrimary) {
    return new ContactPoint(value, label, isPrimary, verified, validFrom, validUntil);
  }

  /** Returns this contact point as verified or not. */
  public ContactPoint withVerified(boolean isVerified) {
    return new ContactPoint(value, label, primary, isVerified, validFrom, validUntil);
  }

  /** Returns this contact point with a label. */
  public ContactPoint withLabel(String newLabel) {
    return new ContactPoint(value, Option.of(requireNonNull(newLabel, "label")), primary, verified,
        validFrom, validUntil);
  }
}
