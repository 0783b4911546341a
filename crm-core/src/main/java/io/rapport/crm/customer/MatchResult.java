package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.vavr.collection.Seq;

/**
 * Reports that a candidate may be a duplicate of the profile looked for: how sure, and why.
 * Immutable and thread-safe.
 *
 * @param candidate the customer that may be a duplicate
 * @param score the combined score, from 0 to 1
 * @param confidence what the score means under the matcher's thresholds
 * @param evidence every comparison that counted, by rule, never empty
 */
public record MatchResult(CustomerId candidate, double score, Confidence confidence,
    Seq<MatchEvidence> evidence) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the score is not from 0 to 1
   *     ({@code match.score.out_of_range}) or there is no evidence
   *     ({@code match.evidence.missing})
   */
  public MatchResult {
    requireNonNull(candidate, "candidate");
    requireNonNull(confidence, "confidence");
    requireNonNull(evidence, "evidence");
    if (!(score >= 0.0 && score <= 1.0)) {
      Checks.orThrow(Checks.invalid("match.score.out_of_range", "score",
          "Expected a score from 0 to 1, but got " + score));
    }
    if (evidence.isEmpty()) {
      Checks.orThrow(Checks.invalid("match.evidence.missing", "evidence",
          "A match needs at least one piece of evidence"));
    }
  }

  /**
   * Tells whether a rule counted in this match.
   *
   * @param rule the rule
   * @return true if some evidence is by that rule
   * @throws NullPointerException if rule is null
   */
  public boolean matchedBy(MatchRule rule) {
    requireNonNull(rule, "rule");
    return evidence.exists(e -> e.rule() == rule);
  }
}
