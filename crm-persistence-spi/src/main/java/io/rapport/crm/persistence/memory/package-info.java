/**
 * The in-memory reference store: multi-version records, snapshot isolation, first committer wins,
 * outbox dispatched after commit. Start with {@link io.rapport.crm.persistence.memory.InMemoryCrmStore#create()}.
 */
package io.rapport.crm.persistence.memory;
