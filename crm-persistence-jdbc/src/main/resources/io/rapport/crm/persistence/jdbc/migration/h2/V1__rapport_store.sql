-- Rapport's store, schema version 1, H2. The shape is described in docs/adapters.md.
-- H2 compares text as Java's String.compareTo does, so no collation is named.

-- One row per aggregate: its JSON document (the codec's envelope) and its version. An erased
-- aggregate keeps its row with a NULL document, so versions keep counting if it is created again.
CREATE TABLE rapport_aggregate (
  aggregate_type varchar(63) NOT NULL,
  id             varchar(64) NOT NULL,
  version        bigint NOT NULL,
  document       text,
  CONSTRAINT rapport_aggregate_pk PRIMARY KEY (aggregate_type, id),
  CONSTRAINT rapport_aggregate_version_positive CHECK (version > 0)
);

-- One row per entry of a secondary index (AggregateType#withIndex): every port query reads a
-- range of the primary key, in (sort_key, id) order.
CREATE TABLE rapport_index_entry (
  aggregate_type varchar(63) NOT NULL,
  index_name     varchar(63) NOT NULL,
  index_key      varchar(512) NOT NULL,
  sort_key       varchar(128) NOT NULL,
  id             varchar(64) NOT NULL,
  CONSTRAINT rapport_index_entry_pk
    PRIMARY KEY (aggregate_type, index_name, index_key, sort_key, id)
);

-- Finds an aggregate's entries when it changes or is erased.
CREATE INDEX rapport_index_entry_by_aggregate ON rapport_index_entry (aggregate_type, id);

-- The transactional outbox: events written in the transaction that caused them. Sequences are
-- taken under the store's commit lock, so they increase in commit order.
CREATE SEQUENCE rapport_outbox_sequence;

CREATE TABLE rapport_outbox (
  sequence     bigint NOT NULL,
  event_type   varchar(63) NOT NULL,
  event_id     varchar(64) NOT NULL,
  aggregate_id varchar(64) NOT NULL,
  occurred_at  timestamp with time zone NOT NULL,
  document     text NOT NULL,
  CONSTRAINT rapport_outbox_pk PRIMARY KEY (sequence)
);

-- How far each consumer (a store's listeners) has been delivered.
CREATE TABLE rapport_outbox_consumer (
  consumer varchar(63) NOT NULL,
  position bigint NOT NULL,
  CONSTRAINT rapport_outbox_consumer_pk PRIMARY KEY (consumer)
);
