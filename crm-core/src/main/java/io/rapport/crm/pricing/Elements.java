package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.IndexedSeq;
import io.vavr.collection.Seq;

/** Checks the elements of the quote's sequences without an iterator where it can. */
final class Elements {

  private Elements() {}

  /** Throws if an element of {@code values} is null. */
  static void requireNoNulls(Seq<?> values, String name) {
    if (values.isEmpty()) {
      return;
    }
    if (values instanceof IndexedSeq<?> indexed) {
      for (int i = 0, n = indexed.size(); i < n; i++) {
        requireNonNull(indexed.get(i), name);
      }
    } else {
      values.forEach(value -> requireNonNull(value, name));
    }
  }
}
