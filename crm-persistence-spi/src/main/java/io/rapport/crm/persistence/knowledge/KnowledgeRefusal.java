package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Says why a {@link KnowledgeBase} operation changed nothing, when no article's own rejection says
 * it. Immutable and thread-safe.
 *
 * @param code the stable code: {@code knowledge.article_not_found} or
 *     {@code knowledge.article_invalid}
 * @param message what happened, for people
 * @param violations the violations of the input, otherwise empty
 */
public record KnowledgeRefusal(String code, String message, Seq<Violation> violations)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a violation is null
   */
  public KnowledgeRefusal {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(violations, "violations");
    violations.forEach(value -> requireNonNull(value, "violations"));
  }

  static KnowledgeRefusal of(String code, String message) {
    return new KnowledgeRefusal(code, message, List.empty());
  }
}
