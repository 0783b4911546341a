package io.rapport.crm.customer;

/** Names whether a customer is a person or an organization. */
public enum PartyKind {
  /** A natural person. */
  PERSON,
  /** A company, shop, association or other organization; it may belong to a parent organization. */
  ORGANIZATION
}
