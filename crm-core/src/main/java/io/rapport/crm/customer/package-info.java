/**
 * Customers: contact points, consent and lifecycle today; the customer aggregate, interactions,
 * duplicates and merge, and erasure follow. See docs/guides/customers.md.
 */
package io.rapport.crm.customer;
