package io.rapport.crm.persistence.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Option;

/**
 * Rebuilds a record's JSON document from its audit entries: starting from nothing, each entry's
 * after-values are applied in order (a field whose after-value is absent is removed). A record
 * whose last entry erased it replays to nothing. Scrubbed entries replay to their markers, not to
 * the erased values.
 */
public final class AuditReplay {

  private AuditReplay() {}

  /**
   * Replays entries, oldest first.
   *
   * @param entries the entries of one record, in sequence order
   * @return the record's document as JSON text (the codec's plain form), or empty if the entries
   *     leave no field (never created, or erased)
   * @throws NullPointerException if entries or an entry is null
   * @throws IllegalArgumentException if an entry holds a path or value that is not valid
   */
  public static Option<String> replay(Iterable<AuditEntry> entries) {
    requireNonNull(entries, "entries");
    ObjectNode document = JsonDocuments.MAPPER.createObjectNode();
    for (AuditEntry entry : entries) {
      JsonDocuments.apply(document, requireNonNull(entry, "entry").changes());
    }
    return document.size() == 0 ? Option.none() : Option.some(document.toString());
  }

  /**
   * Tells whether two JSON texts hold the same document, whatever the order of their properties.
   *
   * @param left one JSON text
   * @param right the other
   * @return whether they are equal as JSON values
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is not JSON
   */
  public static boolean sameDocument(String left, String right) {
    JsonNode one = JsonDocuments.parse(requireNonNull(left, "left"));
    JsonNode other = JsonDocuments.parse(requireNonNull(right, "right"));
    return one.equals(other);
  }
}
