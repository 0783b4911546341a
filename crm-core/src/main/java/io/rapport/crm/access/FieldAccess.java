package io.rapport.crm.access;

/** Says how a reader sees one field of a record they may read. */
public enum FieldAccess {
  /** The real value. */
  VISIBLE,
  /** A visibly masked value (never a plausible real one); writes keep the stored value. */
  MASKED
}
