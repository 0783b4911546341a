/**
 * The sales process: leads and their conversion, pipelines the business configures (stages,
 * guarded transitions, lost reasons, reopen rules), opportunities with line items and a full stage
 * history, purchases with payment terms, forecasts and funnel analytics, and explainable lead
 * scoring.
 *
 * <p>See docs/guides/sales.md.
 */
package io.rapport.crm.sales;
