/**
 * Reusable law checks that users run against their own rules: money, and later pricing and
 * loyalty ledgers.
 */
package io.rapport.crm.testkit.laws;
