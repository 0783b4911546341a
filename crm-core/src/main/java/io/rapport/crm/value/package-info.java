/**
 * Customer value: transaction logs and per-customer summaries, customer lifetime value (discounted
 * cash flow, retention, and the probabilistic buy-till-you-die models BG/NBD, MBG/NBD, Pareto/NBD,
 * BG/BB with Gamma-Gamma spend), customer equity and the value pyramid, RFM and lifecycle
 * segments, churn warnings, NPS/CSAT/CES with intervals, and KPIs.
 *
 * <p>Everything here is a pure calculation: inputs come in as data, results go out as data, and
 * statistics are doubles (amounts shown to users stay {@link io.rapport.crm.kernel.Money}).
 */
package io.rapport.crm.value;
