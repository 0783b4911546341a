/**
 * Reusable law checks that users run against their own rules: money and loyalty points ledgers
 * ({@link io.rapport.crm.testkit.laws.LedgerLaws}), and later pricing.
 */
package io.rapport.crm.testkit.laws;
