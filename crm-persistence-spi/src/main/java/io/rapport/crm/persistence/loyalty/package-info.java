/**
 * Storage ports of the loyalty context: programs (configuration, listed in id order) and member
 * accounts, with the queries the loyalty desk and its jobs need: a customer's accounts, the account
 * of a customer in a program, the accounts whose tier falls due for evaluation before a time, the
 * accounts holding points that expire before a time, the members an account referred, and a
 * program's members. Every query is a lookup in a secondary index declared on the port's
 * {@code TYPE}, derived from the aggregate's components alone, so the ports work on any adapter;
 * see docs/adapters.md and docs/guides/loyalty-storage.md.
 */
package io.rapport.crm.persistence.loyalty;
