/**
 * Reads what customer value needs out of storage: every purchase of a store, streamed page by
 * page into a {@link io.rapport.crm.value.TransactionLog}.
 */
package io.rapport.crm.persistence.value;
