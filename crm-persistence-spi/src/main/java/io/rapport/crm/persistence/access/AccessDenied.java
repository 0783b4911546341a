package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.access.Permission;
import io.rapport.crm.kernel.Rejection;

/**
 * Refuses a write the access policy denies: who may not do what to which record, and the
 * policy's reason. {@code update} answers it inside an {@code UpdateFailure} of reason
 * {@code REJECTED}; {@code save} and {@code erase} throw it inside an
 * {@link AccessDeniedException}. Immutable and thread-safe.
 *
 * @param type the aggregate type's name
 * @param id the record's id value
 * @param permission the permission the actor lacks
 * @param reason the policy decision's reason
 */
public record AccessDenied(String type, String id, Permission permission, String reason)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AccessDenied {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(permission, "permission");
    requireNonNull(reason, "reason");
  }

  /** Returns {@code access.denied}. */
  @Override
  public String code() {
    return "access.denied";
  }

  /** Returns the permission, the record and the policy's reason in words. */
  @Override
  public String message() {
    return permission + " on " + type + " " + id + " denied: " + reason;
  }
}
