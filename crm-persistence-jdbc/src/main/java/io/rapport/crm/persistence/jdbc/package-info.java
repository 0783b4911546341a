/**
 * The JDBC adapter: every storage port on PostgreSQL (production) and H2 (embedded), with Flyway
 * migrations, optimistic versions, snapshot transactions, keyset paging, streaming reads, batch
 * imports and a transactional outbox. Start with
 * {@link io.rapport.crm.persistence.jdbc.JdbcCrmStore#builder(javax.sql.DataSource)}, or
 * {@code CrmStores.open("jdbc", Map.of("url", …))}.
 */
package io.rapport.crm.persistence.jdbc;
