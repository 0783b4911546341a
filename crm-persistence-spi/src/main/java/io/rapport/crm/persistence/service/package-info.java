/**
 * Storage ports of the service process: tickets, with the queries of the {@code service} context
 * (a customer's tickets, a team's and an agent's open work queue, tickets whose SLA falls due
 * before a time, a ticket's children, the follow-ups of a cause, the tickets an article solved,
 * every active ticket), and SLA policies in rank order. Every query is a lookup in a secondary
 * index declared on the port's {@code TYPE}, so the ports work on any adapter; see
 * docs/adapters.md and docs/guides/service-storage.md.
 */
package io.rapport.crm.persistence.service;
