package io.rapport.crm.customer;

/**
 * A way to reach a customer: an email address, a phone number, a postal address or a messaging
 * handle (or, shown to a reader who may not see it, a {@link MaskedContact} in its place). Each value is normalised at construction, so two equal values reach the same place and
 * {@link #matchKey()} finds duplicates exactly.
 */
public sealed interface ContactValue permits EmailAddress, PhoneNumber, PostalAddress, MessagingHandle,
    MaskedContact {

  /** Returns the channel family this value belongs to. */
  ContactKind kind();

  /**
   * Returns the normalised text two customers share when they share this contact point, such as
   * {@code email:li.wei@example.com} or {@code phone:+8613800138000}.
   */
  String matchKey();

  /**
   * Returns whether this is a visibly masked stand-in ({@link MaskedContact}) shown to a reader
   * who may not see the real value; only a masked value answers true.
   */
  default boolean isMasked() {
    return false;
  }
}
