package io.rapport.crm.customer;

/** Names the families of contact points. */
public enum ContactKind {
  /** An email address. */
  EMAIL,
  /** A phone number, fixed or mobile. */
  PHONE,
  /** A postal address. */
  POSTAL,
  /** A handle on a messaging or social network. */
  MESSAGING
}
