/**
 * Storage ports and services of the sales process: pipelines (configuration), opportunities, leads
 * and purchases, with the queries of the {@code sales} context (an owner's or team's deals, deals
 * in a stage, closing in a date range or closed in a period, leads by status, contact value and
 * campaign, a customer's purchases and every purchase in customer and time order). Every query is
 * a lookup in a secondary index declared on the port's {@code TYPE}, so the ports work on any
 * adapter; see docs/adapters.md.
 *
 * <p>Services: {@link io.rapport.crm.persistence.sales.LeadConversions} converts a lead into a
 * customer (after a duplicate check) and an opportunity in one transaction;
 * {@link io.rapport.crm.persistence.sales.SalesServices} gives the customer timeline and merge
 * service with deals and purchases taking part.
 */
package io.rapport.crm.persistence.sales;
