package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records the customer's answer to the satisfaction (CSAT) survey sent when a ticket was
 * resolved. Immutable and thread-safe.
 *
 * @param score the score, on the scale
 * @param scale the scale the question was asked on
 * @param comment what the customer wrote, or empty
 * @param at when the customer answered
 */
public record Satisfaction(int score, CsatScale scale, Option<String> comment, Instant at) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the comment is null
   */
  public Satisfaction {
    requireNonNull(scale, "scale");
    requireNonNull(comment, "comment");
    requireNonNull(at, "at");
    comment.forEach(value -> requireNonNull(value, "comment"));
  }
}
