package io.rapport.crm.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Seq;

/**
 * Tells what a bulk import did: how many aggregates it created, and which it left alone because
 * an aggregate with that id already existed (never overwritten). Immutable and thread-safe.
 *
 * @param created how many aggregates were written
 * @param skipped how many were left out because their id was taken
 * @param skippedIds the first {@value #MAX_LISTED} ids left out, in input order
 */
public record ImportReport(long created, long skipped, Seq<String> skippedIds) {

  /** How many skipped ids a report lists at most. */
  public static final int MAX_LISTED = 1000;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if skippedIds is null
   * @throws IllegalArgumentException if a count is negative
   */
  public ImportReport {
    requireNonNull(skippedIds, "skippedIds");
    if (created < 0 || skipped < 0) {
      throw new IllegalArgumentException("Counts cannot be negative: " + created + ", " + skipped);
    }
  }
}
