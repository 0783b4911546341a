/**
 * Storage ports of the customer context: customers (with owner, team, stage, tag, contact point and
 * duplicate-candidate queries), interactions (per customer, newest first), merge journals, the
 * customer timeline, and the merge service that re-points related records in one transaction.
 */
package io.rapport.crm.persistence.customer;
