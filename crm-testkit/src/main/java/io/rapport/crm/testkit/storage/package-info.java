/**
 * The storage contract suite (TCK): {@link io.rapport.crm.testkit.storage.RepositoryContract} and
 * {@link io.rapport.crm.testkit.storage.CrmStoreContract}, which every adapter runs against itself.
 * See docs/adapters.md.
 */
package io.rapport.crm.testkit.storage;
