package io.rapport.crm.persistence;

/**
 * Thrown when the storage infrastructure fails: a lost connection, a full disk, a corrupt row.
 * Unchecked, and always carrying its cause where there is one. Expected outcomes are not
 * exceptions: a missing aggregate is an empty {@code Option}, a conflict a {@link VersionConflict}.
 */
public class StorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure, possibly null
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what failed
   */
  public StorageException(String message) {
    super(message);
  }
}
