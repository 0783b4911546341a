package io.rapport.crm.customer;

/**
 * Names the single-valued fields a merge chooses between the two customers. Contact points, tags
 * and consent statements are always united; the lifecycle history is the survivor's; attributes are
 * chosen one by one with the {@link #ATTRIBUTES} rule.
 */
public enum MergeField {
  /** The name. */
  NAME,
  /** The organization name. */
  ORGANIZATION_NAME,
  /** The tax id. */
  TAX_ID,
  /** The parent organization. */
  PARENT,
  /** The owner. */
  OWNER,
  /** The team. */
  TEAM,
  /** The acquisition source. */
  SOURCE,
  /** Each custom attribute. */
  ATTRIBUTES
}
