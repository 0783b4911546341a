package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.access.Permission;

/**
 * Thrown by {@code save} of a secured view when the aggregate still holds a masked value after
 * the stored values were put back (see {@link MaskedValueRefused}); nothing was written. It is an
 * {@link AccessDeniedException}, so a host that handles denials handles it too, but its
 * {@link #code()} is {@code access.masked_value}.
 */
public class MaskedValueException extends AccessDeniedException {

  private static final long serialVersionUID = 1L;

  private final transient MaskedValueRefused refusal;

  /**
   * Creates the exception.
   *
   * @param refusal the record, fields and place of the masked values
   * @throws NullPointerException if refusal is null
   */
  public MaskedValueException(MaskedValueRefused refusal) {
    super(new AccessDenied(requireNonNull(refusal, "refusal").type(), refusal.id(),
        Permission.WRITE, refusal.message()));
    this.refusal = refusal;
  }

  /** Returns {@code access.masked_value}. */
  @Override
  public String code() {
    return refusal.code();
  }

  /** Returns the record, fields and place of the masked values. */
  public MaskedValueRefused refusal() {
    return refusal;
  }
}
