/**
 * Reusable law checks that users run against their own rules: money
 * ({@link io.rapport.crm.testkit.laws.MoneyLaws}), loyalty points ledgers
 * ({@link io.rapport.crm.testkit.laws.LedgerLaws}), tier engines
 * ({@link io.rapport.crm.testkit.laws.TierLaws}), members' accounts under a team's own loyalty
 * program ({@link io.rapport.crm.testkit.laws.MemberLaws}), and quotes under a team's own price
 * list and rule set ({@link io.rapport.crm.testkit.laws.QuoteLaws}).
 */
package io.rapport.crm.testkit.laws;
