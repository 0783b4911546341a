package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * States one customer's RFM scores: recency, frequency and monetary, each from 1 (lowest) up to
 * the number of bins of the scoring that produced them. Immutable and thread-safe.
 *
 * <p>A higher recency score means a more recent last purchase.
 *
 * @param customer the customer's key
 * @param recency the recency score, ≥ 1
 * @param frequency the frequency score, ≥ 1
 * @param monetary the monetary score, ≥ 1
 */
public record RfmScore(String customer, int recency, int frequency, int monetary) {

  /**
   * Checks that the key is present and every score is at least 1.
   *
   * @throws NullPointerException when {@code customer} is null
   * @throws InvalidValueException when a score is below 1 ({@code value.rfm.score_invalid})
   */
  public RfmScore {
    requireNonNull(customer, "customer");
    List<Violation> problems = List.empty();
    if (recency < 1) {
      problems = problems.append(invalid("recency", recency));
    }
    if (frequency < 1) {
      problems = problems.append(invalid("frequency", frequency));
    }
    if (monetary < 1) {
      problems = problems.append(invalid("monetary", monetary));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the scores as the usual three-digit cell code, such as {@code "545"}.
   *
   * @return recency, frequency and monetary scores written one after the other
   */
  public String cell() {
    return "" + recency + frequency + monetary;
  }

  private static Violation invalid(String field, int score) {
    return Violation.of("value.rfm.score_invalid", field, "a score must be ≥ 1, was " + score);
  }
}
