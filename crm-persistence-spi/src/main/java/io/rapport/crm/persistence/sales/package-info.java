/**
 * Storage ports of the sales process: pipelines (configuration), opportunities, leads and
 * purchases, with the queries of the {@code sales} context (an owner's or team's deals, deals in a
 * stage, closing in a date range or closed in a period, leads by status, contact value and
 * campaign, a customer's purchases and every purchase in customer and time order). Every query is
 * a lookup in a secondary index declared on the port's {@code TYPE}, so the ports work on any
 * adapter; see docs/adapters.md.
 */
package io.rapport.crm.persistence.sales;
