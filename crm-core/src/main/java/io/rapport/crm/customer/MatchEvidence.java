package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Explains one comparison behind a match: which rule, which field, the two values compared and
 * how alike they were. Immutable and thread-safe.
 *
 * @param rule the rule this comparison counts for
 * @param field the profile field compared: {@code emails}, {@code phones}, {@code taxId},
 *     {@code name}, {@code postalKeys} or {@code organizationName}
 * @param probeValue the value on the side of the profile looked for
 * @param candidateValue the value on the side of the candidate
 * @param similarity how alike the two values are, from 0 to 1; 1 for an exact match
 */
public record MatchEvidence(MatchRule rule, String field, String probeValue,
    String candidateValue, double similarity) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the field is blank
   *     ({@code match.evidence.field.blank}) or the similarity is not from 0 to 1
   *     ({@code match.evidence.similarity.out_of_range})
   */
  public MatchEvidence {
    requireNonNull(rule, "rule");
    requireNonNull(field, "field");
    requireNonNull(probeValue, "probeValue");
    requireNonNull(candidateValue, "candidateValue");
    if (field.isBlank()) {
      Checks.orThrow(Checks.invalid("match.evidence.field.blank", "field",
          "Evidence names the field compared"));
    }
    if (!(similarity >= 0.0 && similarity <= 1.0)) {
      Checks.orThrow(Checks.invalid("match.evidence.similarity.out_of_range", "similarity",
          "Expected a similarity from 0 to 1, but got " + similarity));
    }
  }

  /** Returns {@code rule field: 'probe' ~ 'candidate' (similarity)}. */
  @Override
  public String toString() {
    return rule + " " + field + ": " + Checks.quote(probeValue) + " ~ "
        + Checks.quote(candidateValue) + String.format(Locale.ROOT, " (%.3f)", similarity);
  }
}
