package io.rapport.crm.loyalty;

/** Tells what a program's point currency is for; one currency may have both roles. */
public enum CurrencyRole {
  /** Counts towards tiers (tier credits, 定级积分). */
  QUALIFYING,
  /** Can be spent on rewards (消费积分). */
  REDEEMABLE
}
