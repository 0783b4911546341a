package io.rapport.crm.access;

/** Names what an actor wants to do with a record. */
public enum Permission {
  /** See the record (and its visible fields). */
  READ,
  /** Change the record. */
  WRITE,
  /** Erase the record. */
  DELETE
}
