package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

/**
 * Tells whether an actor may do something with a record, and why: the rule that allowed it, or
 * {@code access.denied} when no rule did (deny by default). Immutable and thread-safe.
 *
 * @param allowed whether the action is allowed
 * @param code the deciding rule's stable code, such as {@code access.owner},
 *     {@code access.team}, {@code access.manager}, {@code access.role}, {@code access.share},
 *     or {@code access.denied}
 * @param reason the explanation in words
 */
public record AccessDecision(boolean allowed, String code, String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AccessDecision {
    requireNonNull(code, "code");
    requireNonNull(reason, "reason");
  }

  /** Returns an allowing decision. */
  public static AccessDecision allow(String code, String reason) {
    return new AccessDecision(true, code, reason);
  }

  /** Returns the default denial. */
  public static AccessDecision deny(String reason) {
    return new AccessDecision(false, "access.denied", reason);
  }
}
