package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;

/**
 * Scores how likely two customer profiles are duplicates, and ranks candidates for one profile.
 * Immutable and thread-safe.
 *
 * <p>Each {@link MatchRule} that holds between two profiles of the same kind adds its weight
 * {@code w} as independent evidence, and the score is {@code 1 - Π(1 - w)} over the rules that
 * hold, where the three name rules count as one (the strongest that holds). The
 * {@link #standard()} weights:
 *
 * <table>
 *   <caption>Standard rules</caption>
 *   <tr><th>rule</th><th>holds when</th><th>weight</th></tr>
 *   <tr><td>{@code EMAIL}</td><td>an email is shared</td><td>1.0</td></tr>
 *   <tr><td>{@code PHONE}</td><td>a phone is shared</td><td>0.9</td></tr>
 *   <tr><td>{@code TAX_ID}</td><td>the tax ids are equal</td><td>1.0</td></tr>
 *   <tr><td>{@code NAME_AND_ADDRESS}</td><td>the names match and a postal key is shared</td>
 *       <td>0.8</td></tr>
 *   <tr><td>{@code NAME_AND_ORGANIZATION}</td><td>the names match and the organization names
 *       are equal once folded</td><td>0.8</td></tr>
 *   <tr><td>{@code NAME_ONLY}</td><td>the names match</td><td>0.6</td></tr>
 * </table>
 *
 * <p>So a shared email is {@link Confidence#CERTAIN} (score ≥ 0.95), a shared phone or matching
 * names at the same address are {@link Confidence#LIKELY} (≥ 0.75), matching names alone are
 * {@link Confidence#POSSIBLE} (≥ 0.5), and a shared phone with matching names is certain
 * (1 − 0.1 × 0.4 = 0.96). A name alone can never be likely: the builder refuses a name-only weight
 * at or above the likely threshold. This is what makes {@link BlockingKeys} complete: every pair
 * scored likely or above shares a blocking key.
 *
 * <p>A person and an organization are never duplicates of each other, and a profile never matches
 * itself (the same id).
 */
public final class DuplicateMatcher {

  private static final MatchRule[] RULES = MatchRule.values();
  private static final DuplicateMatcher STANDARD = new Builder().build();

  private final double[] weights;
  private final boolean[] enabled;
  private final double nameThreshold;
  private final double certain;
  private final double likely;
  private final double possible;

  private DuplicateMatcher(Builder builder) {
    this.weights = builder.weights.clone();
    this.enabled = builder.enabled.clone();
    this.nameThreshold = builder.nameThreshold;
    this.certain = builder.certain;
    this.likely = builder.likely;
    this.possible = builder.possible;
  }

  /** Returns the matcher with every rule enabled at its standard weight, as the class describes. */
  public static DuplicateMatcher standard() {
    return STANDARD;
  }

  /** Returns a builder starting from the standard settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from this matcher's settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    System.arraycopy(weights, 0, builder.weights, 0, weights.length);
    System.arraycopy(enabled, 0, builder.enabled, 0, enabled.length);
    builder.nameThreshold = nameThreshold;
    builder.certain = certain;
    builder.likely = likely;
    builder.possible = possible;
    return builder;
  }

  /**
   * Returns the weight of a rule.
   *
   * @param rule the rule
   * @return its weight, from 0 to 1
   * @throws NullPointerException if rule is null
   */
  public double weight(MatchRule rule) {
    return weights[requireNonNull(rule, "rule").ordinal()];
  }

  /**
   * Tells whether a rule is applied.
   *
   * @param rule the rule
   * @return true if enabled
   * @throws NullPointerException if rule is null
   */
  public boolean isEnabled(MatchRule rule) {
    return enabled[requireNonNull(rule, "rule").ordinal()];
  }

  /** Returns the similarity from which two names match, from 0 (exclusive) to 1. */
  public double nameThreshold() {
    return nameThreshold;
  }

  /**
   * Returns the lowest score of a confidence.
   *
   * @param confidence the confidence
   * @return the threshold, such as 0.75 for {@code LIKELY} in the standard matcher
   * @throws NullPointerException if confidence is null
   */
  public double threshold(Confidence confidence) {
    requireNonNull(confidence, "confidence");
    return confidence == Confidence.CERTAIN ? certain
        : confidence == Confidence.LIKELY ? likely : possible;
  }

  /**
   * Says what a score means under this matcher's thresholds.
   *
   * @param score a score from 0 to 1
   * @return the confidence, or none below the possible threshold
   */
  public Option<Confidence> confidenceOf(double score) {
    if (score >= certain) {
      return Option.some(Confidence.CERTAIN);
    }
    if (score >= likely) {
      return Option.some(Confidence.LIKELY);
    }
    return score >= possible ? Option.some(Confidence.POSSIBLE) : Option.none();
  }

  /**
   * Scores whether a candidate is a duplicate of a profile.
   *
   * @param probe the profile looked for
   * @param candidate the profile that may be a duplicate of it
   * @return the match with its evidence, or none if the score is below the possible threshold,
   *     the two have the same id, or one is a person and the other an organization
   * @throws NullPointerException if an argument is null
   */
  public Option<MatchResult> score(MatchProfile probe, MatchProfile candidate) {
    requireNonNull(probe, "probe");
    requireNonNull(candidate, "candidate");
    return Option.of(score(MatchView.of(probe), MatchView.of(candidate)));
  }

  /**
   * Ranks candidates for a profile: those that score at least possible, best first, equal scores
   * by candidate id. Each candidate id counts once (its first occurrence), and the probe itself is
   * left out.
   *
   * @param probe the profile looked for
   * @param candidates the profiles that may be duplicates, such as those sharing a blocking key
   * @param limit the most results to return, 0 or more
   * @return the matches, at most {@code limit}
   * @throws NullPointerException if an argument or a candidate is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the limit is negative
   *     ({@code match.limit.negative})
   */
  public Seq<MatchResult> rank(MatchProfile probe, Iterable<MatchProfile> candidates, int limit) {
    requireNonNull(probe, "probe");
    requireNonNull(candidates, "candidates");
    if (limit < 0) {
      Checks.orThrow(Checks.invalid("match.limit.negative", "limit",
          "Expected a limit of 0 or more, but got " + limit));
    }
    MatchView probeView = MatchView.of(probe);
    ArrayList<MatchResult> found = new ArrayList<>();
    HashSet<CustomerId> seen = new HashSet<>();
    for (MatchProfile candidate : candidates) {
      requireNonNull(candidate, "candidates element");
      if (seen.add(candidate.id())) {
        MatchResult result = score(probeView, MatchView.of(candidate));
        if (result != null) {
          found.add(result);
        }
      }
    }
    found.sort(Comparator.comparingDouble(MatchResult::score).reversed()
        .thenComparing(r -> r.candidate().value()));
    return List.ofAll(found.subList(0, Math.min(limit, found.size())));
  }

  /** Scores two prepared profiles; null when they do not match at all. */
  MatchResult score(MatchView probeView, MatchView candidateView) {
    MatchProfile probe = probeView.profile();
    MatchProfile candidate = candidateView.profile();
    if (probe.id().equals(candidate.id()) || probe.organization() != candidate.organization()) {
      return null;
    }
    ArrayList<MatchEvidence> evidence = new ArrayList<>(4);
    double unlikely = 1.0;
    if (isEnabled(MatchRule.EMAIL)
        && shared(MatchRule.EMAIL, "emails", probe.emails(), candidate.emails(), evidence)) {
      unlikely *= 1.0 - weight(MatchRule.EMAIL);
    }
    if (isEnabled(MatchRule.PHONE)
        && shared(MatchRule.PHONE, "phones", probe.phones(), candidate.phones(), evidence)) {
      unlikely *= 1.0 - weight(MatchRule.PHONE);
    }
    if (isEnabled(MatchRule.TAX_ID) && probe.taxId().isDefined()
        && probe.taxId().equals(candidate.taxId())) {
      evidence.add(new MatchEvidence(MatchRule.TAX_ID, "taxId", probe.taxId().get(),
          candidate.taxId().get(), 1.0));
      unlikely *= 1.0 - weight(MatchRule.TAX_ID);
    }
    unlikely *= 1.0 - nameEvidence(probeView, candidateView, evidence);
    double score = Math.min(1.0, Math.max(0.0, 1.0 - unlikely));
    Option<Confidence> confidence = confidenceOf(score);
    if (evidence.isEmpty() || confidence.isEmpty()) {
      return null;
    }
    return new MatchResult(candidate.id(), score, confidence.get(), List.ofAll(evidence));
  }

  /** Adds the evidence of the strongest name rule that holds, and returns its weight (or 0). */
  private double nameEvidence(MatchView probeView, MatchView candidateView,
      ArrayList<MatchEvidence> evidence) {
    boolean byAddress = isEnabled(MatchRule.NAME_AND_ADDRESS);
    boolean byOrganization = isEnabled(MatchRule.NAME_AND_ORGANIZATION);
    boolean alone = isEnabled(MatchRule.NAME_ONLY);
    if (!(byAddress || byOrganization || alone)
        || !probeView.name().sharesAnchorWith(candidateView.name())) {
      return 0.0;
    }
    double similarity = NameSimilarity.similarity(probeView.name(), candidateView.name());
    if (similarity < nameThreshold) {
      return 0.0;
    }
    MatchProfile probe = probeView.profile();
    MatchProfile candidate = candidateView.profile();
    String sharedPostalKey = byAddress
        ? probe.postalKeys().find(candidate.postalKeys()::contains).getOrNull() : null;
    boolean sameOrganization = byOrganization && probeView.organizationKey() != null
        && probeView.organizationKey().equals(candidateView.organizationKey());
    MatchRule best = null;
    for (MatchRule rule : Arrays.asList(MatchRule.NAME_AND_ADDRESS,
        MatchRule.NAME_AND_ORGANIZATION, MatchRule.NAME_ONLY)) {
      boolean holds = rule == MatchRule.NAME_AND_ADDRESS ? sharedPostalKey != null
          : rule == MatchRule.NAME_AND_ORGANIZATION ? sameOrganization : alone;
      if (holds && (best == null || weight(rule) > weight(best))) {
        best = rule;
      }
    }
    if (best == null || weight(best) == 0.0) {
      return 0.0;
    }
    evidence.add(new MatchEvidence(best, "name", probe.matchName(), candidate.matchName(),
        similarity));
    if (best == MatchRule.NAME_AND_ADDRESS) {
      evidence.add(new MatchEvidence(best, "postalKeys", sharedPostalKey, sharedPostalKey, 1.0));
    } else if (best == MatchRule.NAME_AND_ORGANIZATION) {
      evidence.add(new MatchEvidence(best, "organizationName", probe.organizationName().get(),
          candidate.organizationName().get(), 1.0));
    }
    return weight(best);
  }

  private static boolean shared(MatchRule rule, String field, Set<String> mine,
      Set<String> theirs, ArrayList<MatchEvidence> evidence) {
    boolean any = false;
    Set<String> smaller = mine.size() <= theirs.size() ? mine : theirs;
    Set<String> larger = smaller == mine ? theirs : mine;
    for (String value : smaller) {
      if (larger.contains(value)) {
        evidence.add(new MatchEvidence(rule, field, value, value, 1.0));
        any = true;
      }
    }
    return any;
  }

  /** Collects a matcher's settings, starting from the standard ones. Not thread-safe. */
  public static final class Builder {
    private final double[] weights = new double[RULES.length];
    private final boolean[] enabled = new boolean[RULES.length];
    private double nameThreshold = 0.9;
    private double certain = 0.95;
    private double likely = 0.75;
    private double possible = 0.5;

    private Builder() {
      for (MatchRule rule : RULES) {
        weights[rule.ordinal()] = rule.standardWeight();
        enabled[rule.ordinal()] = true;
      }
    }

    /**
     * Sets the weight of a rule; {@link #build()} checks it is from 0 to 1.
     *
     * @param rule the rule
     * @param weight its weight
     * @return this builder
     * @throws NullPointerException if rule is null
     */
    public Builder weight(MatchRule rule, double weight) {
      weights[requireNonNull(rule, "rule").ordinal()] = weight;
      return this;
    }

    /**
     * Applies a rule.
     *
     * @param rule the rule
     * @return this builder
     * @throws NullPointerException if rule is null
     */
    public Builder enable(MatchRule rule) {
      enabled[requireNonNull(rule, "rule").ordinal()] = true;
      return this;
    }

    /**
     * Stops applying a rule.
     *
     * @param rule the rule
     * @return this builder
     * @throws NullPointerException if rule is null
     */
    public Builder disable(MatchRule rule) {
      enabled[requireNonNull(rule, "rule").ordinal()] = false;
      return this;
    }

    /**
     * Sets the similarity from which two names match; {@link #build()} checks it is above 0 and
     * at most 1.
     *
     * @param threshold the threshold, 0.9 by default
     * @return this builder
     */
    public Builder nameThreshold(double threshold) {
      this.nameThreshold = threshold;
      return this;
    }

    /**
     * Sets the lowest scores of the confidences; {@link #build()} checks that
     * {@code 0 < possible <= likely <= certain <= 1}.
     *
     * @param certain from this score a match is certain, 0.95 by default
     * @param likely from this score likely, 0.75 by default
     * @param possible from this score possible, 0.5 by default; below it, no match
     * @return this builder
     */
    public Builder thresholds(double certain, double likely, double possible) {
      this.certain = certain;
      this.likely = likely;
      this.possible = possible;
      return this;
    }

    /**
     * Checks the settings, reporting every problem at once.
     *
     * @return the matcher, or the violations: {@code match.weight.out_of_range} (field
     *     {@code weights.RULE}), {@code match.name_threshold.out_of_range},
     *     {@code match.threshold.out_of_range}, {@code match.thresholds.out_of_order}, and
     *     {@code match.name_only.too_strong} when an enabled name-only rule would reach the likely
     *     threshold on its own
     */
    public Validation<Seq<Violation>, DuplicateMatcher> validated() {
      List<Violation> problems = List.empty();
      for (MatchRule rule : RULES) {
        double weight = weights[rule.ordinal()];
        if (!(weight >= 0.0 && weight <= 1.0)) {
          problems = problems.append(Violation.of("match.weight.out_of_range", "weights." + rule,
              "Expected a weight from 0 to 1, but got " + weight));
        }
      }
      if (!(nameThreshold > 0.0 && nameThreshold <= 1.0)) {
        problems = problems.append(Violation.of("match.name_threshold.out_of_range",
            "nameThreshold", "Expected a name threshold above 0 and at most 1, but got "
                + nameThreshold));
      }
      boolean inRange = true;
      for (double threshold : new double[] {certain, likely, possible}) {
        inRange &= threshold > 0.0 && threshold <= 1.0;
      }
      if (!inRange) {
        problems = problems.append(Violation.of("match.threshold.out_of_range", "thresholds",
            "Expected thresholds above 0 and at most 1, but got certain " + certain + ", likely "
                + likely + ", possible " + possible));
      } else if (!(possible <= likely && likely <= certain)) {
        problems = problems.append(Violation.of("match.thresholds.out_of_order", "thresholds",
            "Expected possible <= likely <= certain, but got certain " + certain + ", likely "
                + likely + ", possible " + possible));
      }
      double nameOnly = weights[MatchRule.NAME_ONLY.ordinal()];
      if (enabled[MatchRule.NAME_ONLY.ordinal()] && inRange && nameOnly >= likely) {
        problems = problems.append(Violation.of("match.name_only.too_strong",
            "weights." + MatchRule.NAME_ONLY, "A name alone must stay below the likely threshold "
                + likely + ", so that blocking keys find every likely match, but its weight is "
                + nameOnly));
      }
      return problems.isEmpty() ? Validation.valid(new DuplicateMatcher(this))
          : Validation.invalid(problems);
    }

    /**
     * Returns the matcher.
     *
     * @return the matcher
     * @throws io.rapport.crm.kernel.InvalidValueException with every violation
     *     {@link #validated()} finds
     */
    public DuplicateMatcher build() {
      return Checks.orThrow(validated());
    }
  }
}
