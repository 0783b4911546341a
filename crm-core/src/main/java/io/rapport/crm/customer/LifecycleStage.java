package io.rapport.crm.customer;

/** Names where a customer stands in the relationship. */
public enum LifecycleStage {
  /** Known, not yet qualified. */
  LEAD,
  /** Qualified, in conversation, not yet buying. */
  PROSPECT,
  /** Buying. */
  CUSTOMER,
  /** Has not bought for a while. */
  INACTIVE,
  /** Gone. */
  CHURNED,
  /** Came back after churning. */
  WON_BACK
}
