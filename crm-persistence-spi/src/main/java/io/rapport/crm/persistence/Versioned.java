package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

/**
 * Pairs a stored aggregate with the version it was read at; pass that version back to
 * {@code save} to change it. Immutable and thread-safe if the value is.
 *
 * @param value the aggregate
 * @param version the version it was stored at, never {@link Version#NEW}
 * @param <A> the aggregate type
 */
public record Versioned<A>(A value, Version version) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Versioned {
    requireNonNull(value, "value");
    requireNonNull(version, "version");
  }
}
