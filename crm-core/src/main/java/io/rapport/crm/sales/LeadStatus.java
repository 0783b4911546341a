package io.rapport.crm.sales;

/** Tells where a lead stands in qualification. */
public enum LeadStatus {
  /** Captured, not yet worked. */
  NEW,
  /** Being worked: contacted, being qualified. */
  WORKING,
  /** Qualified: ready to convert. */
  QUALIFIED,
  /** Disqualified, with a reason; may be requalified. */
  DISQUALIFIED,
  /** Converted into a customer and possibly an opportunity; final. */
  CONVERTED
}
