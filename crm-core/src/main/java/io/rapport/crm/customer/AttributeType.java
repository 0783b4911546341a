package io.rapport.crm.customer;

/** Names the types a custom attribute may have. */
public enum AttributeType {
  /** Free text, up to the definition's maximum length. */
  TEXT,
  /** An exact decimal number, optionally within bounds. */
  NUMBER,
  /** A calendar date, written {@code 2026-11-23}. */
  DATE,
  /** An amount of money, written {@code CNY 1280.00}, optionally in one currency. */
  MONEY,
  /** One of a declared set of choices. */
  ENUM
}
