package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Lists the features a {@link NaiveBayesModel} reads from each lead, in order. The names are
 * unique, so each feature's counts can be stored under its name. Immutable and thread-safe.
 *
 * <pre>{@code
 * ScoringFeatures features = ScoringFeatures.of(new ScoringFeature.SourceChannel(),
 *     new ScoringFeature.DecisionMaker(),
 *     ScoringFeature.BudgetBand.of(Money.of("50000", cny), Money.of("200000", cny)));
 * }</pre>
 *
 * @param features the features, not empty, with unique names
 */
public record ScoringFeatures(Seq<ScoringFeature> features) {

  /**
   * Checks the component and every feature.
   *
   * @throws NullPointerException if features or a feature is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation that
   *     {@link #validated(Seq)} reports
   */
  public ScoringFeatures {
    requireNonNull(features, "features");
    features.forEach(feature -> requireNonNull(feature, "features element"));
    ScoringText.throwIfAny(problems(features));
  }

  /**
   * Returns a set of features.
   *
   * @param features the features
   * @return the set
   * @throws NullPointerException if a feature is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation that
   *     {@link #validated(Seq)} reports
   */
  public static ScoringFeatures of(ScoringFeature... features) {
    return new ScoringFeatures(List.of(requireNonNull(features, "features")));
  }

  /**
   * Returns the features that suit most businesses: source channel, campaign, whether the
   * contact decides, whether the timeline is known, whether a need is stated, whether the lead
   * names an organization.
   *
   * @return the standard features
   */
  public static ScoringFeatures standard() {
    return of(new ScoringFeature.SourceChannel(), new ScoringFeature.Campaign(),
        new ScoringFeature.DecisionMaker(), new ScoringFeature.TimelineKnown(),
        new ScoringFeature.NeedStated(), new ScoringFeature.HasOrganization());
  }

  /**
   * Validates features loaded from outside, reporting every problem at once.
   *
   * @param features the features
   * @return the set, or every violation: {@code scoring.features.empty},
   *     {@code scoring.features.duplicate}, {@code scoring.feature.attribute.malformed},
   *     {@code scoring.feature.thresholds.empty},
   *     {@code scoring.feature.thresholds.currency_mismatch} and
   *     {@code scoring.feature.thresholds.not_increasing}
   * @throws NullPointerException if features or a feature is null
   */
  public static Validation<Seq<Violation>, ScoringFeatures> validated(
      Seq<ScoringFeature> features) {
    requireNonNull(features, "features");
    features.forEach(feature -> requireNonNull(feature, "features element"));
    Seq<Violation> problems = problems(features);
    return problems.isEmpty() ? Validation.valid(new ScoringFeatures(features))
        : Validation.invalid(problems);
  }

  /** Returns the features' names, in order. */
  public Seq<String> names() {
    return features.map(ScoringFeature::name);
  }

  /**
   * Reads every feature's value from a lead.
   *
   * @param lead the lead
   * @return the values, in the order of the features
   * @throws NullPointerException if lead is null
   */
  public Seq<String> valuesOf(Lead lead) {
    requireNonNull(lead, "lead");
    return features.map(feature -> feature.valueOf(lead));
  }

  private static Seq<Violation> problems(Seq<ScoringFeature> features) {
    List<Violation> problems = List.empty();
    if (features.isEmpty()) {
      problems = problems.append(Violation.of("scoring.features.empty", "features",
          "A model reads at least one feature"));
    }
    Seq<String> names = features.map(ScoringFeature::name);
    for (int i = 0; i < features.size(); i++) {
      String name = names.get(i);
      if (names.take(i).contains(name)) {
        problems = problems.append(Violation.of("scoring.features.duplicate",
            "features[" + i + "]", "Feature names are unique, but " + ScoringText.quote(name)
                + " is used before"));
      }
      problems = problems.appendAll(features.get(i).problems("features[" + i + "]"));
    }
    return problems;
  }
}
