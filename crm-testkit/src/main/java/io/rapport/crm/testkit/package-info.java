/**
 * Rapport's test kit: {@link io.rapport.crm.testkit.Theories} to run property checks
 * deterministically, generators in {@code generators}, reusable laws in {@code laws}, and (from the
 * storage issue on) the storage contract suite an adapter must pass.
 */
package io.rapport.crm.testkit;
