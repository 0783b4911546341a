package io.rapport.crm.loyalty;

/** Says when a referral is complete and rewarded. */
public enum ReferralTrigger {
  /** When the referred person joins the program. */
  REGISTRATION,
  /** When the referred member makes their first purchase. */
  FIRST_PURCHASE
}
