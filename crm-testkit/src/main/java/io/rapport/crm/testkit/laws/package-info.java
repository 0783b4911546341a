/**
 * Reusable law checks that users run against their own rules: money
 * ({@link io.rapport.crm.testkit.laws.MoneyLaws}), loyalty points ledgers
 * ({@link io.rapport.crm.testkit.laws.LedgerLaws}), tier engines
 * ({@link io.rapport.crm.testkit.laws.TierLaws}) and members' accounts under a team's own loyalty
 * program ({@link io.rapport.crm.testkit.laws.MemberLaws}); pricing comes with its issue.
 */
package io.rapport.crm.testkit.laws;
