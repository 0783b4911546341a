package io.rapport.crm.persistence.knowledge;

import io.rapport.crm.persistence.StorageException;

/**
 * Thrown when an {@link ArticleSearch} index fails: it is closed, or its storage failed. Carries
 * the underlying failure as its cause, so no search engine's own exception reaches the caller.
 * Bad queries are not exceptions of this kind: {@link SearchQuery} refuses them with codes.
 */
public class ArticleSearchException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure, possibly null
   */
  public ArticleSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
