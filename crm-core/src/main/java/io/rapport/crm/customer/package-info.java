/**
 * Customers 360°: the {@link io.rapport.crm.customer.Customer} aggregate (names for any culture,
 * contact points, lifecycle, owner and team, tags, typed attributes, acquisition source, consent,
 * erasure), {@link io.rapport.crm.customer.Interaction interactions} on every channel and the
 * {@link io.rapport.crm.customer.Timeline timeline}, duplicate detection
 * ({@link io.rapport.crm.customer.DuplicateMatcher}, {@link io.rapport.crm.customer.BlockingKeys})
 * and reversible merges ({@link io.rapport.crm.customer.CustomerMerge}). See
 * docs/guides/customers.md.
 */
package io.rapport.crm.customer;
