/**
 * The sales process: leads and their conversion, pipelines the business configures, opportunities
 * with line items and a full history, purchases with payment terms, forecasts and funnel
 * analytics, and explainable lead scoring.
 *
 * <ul>
 *   <li>{@link io.rapport.crm.sales.Lead}: capture from a {@link io.rapport.crm.sales.LeadDraft}
 *       (every violation at once), work, qualify, disqualify with a reason, convert;
 *       {@link io.rapport.crm.sales.LeadFill} fills an existing customer's empty fields from a
 *       lead.</li>
 *   <li>{@link io.rapport.crm.sales.Pipeline}: ordered stages with default probability, forecast
 *       category and kind; a transition graph with {@link io.rapport.crm.sales.StageGuard}s; lost
 *       reasons; reopen rules. {@link io.rapport.crm.sales.Pipelines} holds two examples.</li>
 *   <li>{@link io.rapport.crm.sales.Opportunity}: moves under the pipeline's guards (a refusal
 *       names the failing guards and the allowed next stages), line items priced by unit or
 *       weight, overrides recorded as such, and a {@link io.rapport.crm.sales.StageHistoryEntry}
 *       for every change; winning records a {@link io.rapport.crm.sales.Purchase}
 *       ({@link io.rapport.crm.sales.Purchase#forWonOpportunity}) with its
 *       {@link io.rapport.crm.sales.PaymentTerms}.</li>
 *   <li>Analytics, pure functions over opportunities and their histories:
 *       {@link io.rapport.crm.sales.Forecast}, {@link io.rapport.crm.sales.SalesMetrics},
 *       {@link io.rapport.crm.sales.Funnel}, {@link io.rapport.crm.sales.StageVelocity},
 *       {@link io.rapport.crm.sales.SlippedDeals}, {@link io.rapport.crm.sales.PipelineCoverage},
 *       with amounts converted by a dated {@link io.rapport.crm.kernel.ExchangeRates} table.</li>
 *   <li>Lead scoring that explains itself: {@link io.rapport.crm.sales.PointsModel} (rules as
 *       data) and {@link io.rapport.crm.sales.NaiveBayesModel} (learned from won and lost
 *       leads).</li>
 * </ul>
 *
 * <p>See docs/guides/sales.md.
 */
package io.rapport.crm.sales;
