package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Reads one categorical fact from a lead for a {@link NaiveBayesModel}, such as the source channel
 * ({@code web}), a budget band ({@code CNY 50000.00 up to CNY 200000.00}) or whether the contact
 * decides ({@code yes}, {@code no}, {@code unknown}). A feature always gives a value, never blank:
 * what is not known has a value of its own ({@value #NONE} or {@value #UNKNOWN}), so it counts as
 * evidence like any other. Features are data, checked as part of their {@link ScoringFeatures}.
 */
public sealed interface ScoringFeature permits ScoringFeature.SourceChannel,
    ScoringFeature.Campaign, ScoringFeature.Attribute, ScoringFeature.BudgetBand,
    ScoringFeature.DecisionMaker, ScoringFeature.TimelineKnown, ScoringFeature.NeedStated,
    ScoringFeature.HasOrganization, ScoringFeature.HasContact, ScoringFeature.InterestedIn {

  /** The value of an optional fact that is absent, such as no campaign. */
  String NONE = "none";

  /** The value of a fact that is not known, such as whether the contact decides. */
  String UNKNOWN = "unknown";

  /** Returns the feature's name, unique in its set, such as {@code source.channel}. */
  String name();

  /**
   * Reads the feature's value from a lead.
   *
   * @param lead the lead
   * @return the value, never blank
   * @throws NullPointerException if lead is null
   */
  String valueOf(Lead lead);

  /**
   * Returns every problem of this feature, with its field placed under the given path.
   *
   * @param field where the feature sits in its set, such as {@code features[3]}
   * @return the violations, empty for a usable feature (the default: most features have no
   *     settings that can be wrong)
   * @throws NullPointerException if field is null
   */
  default Seq<Violation> problems(String field) {
    requireNonNull(field, "field");
    return List.empty();
  }

  /** Reads the lead's source channel, such as {@code web}. Immutable and thread-safe. */
  record SourceChannel() implements ScoringFeature {
    @Override
    public String name() {
      return "source.channel";
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.source().channel();
    }
  }

  /** Reads the lead's campaign, or {@value ScoringFeature#NONE}. Immutable and thread-safe. */
  record Campaign() implements ScoringFeature {
    @Override
    public String name() {
      return "source.campaign";
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.source().campaign().filter(code -> !code.isBlank()).getOrElse(NONE);
    }
  }

  /**
   * Reads the value of a lead attribute, such as {@code industry}, or
   * {@value ScoringFeature#NONE}. Immutable and thread-safe.
   *
   * @param attribute the attribute's name: {@code [a-z][a-z0-9._-]{0,63}}
   */
  record Attribute(String attribute) implements ScoringFeature {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if attribute is null
     */
    public Attribute {
      requireNonNull(attribute, "attribute");
    }

    /** Returns {@code attribute.} and the attribute's name. */
    @Override
    public String name() {
      return "attribute." + attribute;
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.attributes().get(attribute).filter(value -> !value.isBlank()).getOrElse(NONE);
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      return ScoringText.isAttributeName(attribute) ? List.empty()
          : List.of(Violation.of("scoring.feature.attribute.malformed", field + ".attribute",
              "An attribute name has lower-case letters, digits, '.', '_' and '-', starting with"
                  + " a letter: " + ScoringText.quote(attribute)));
    }
  }

  /**
   * Reads the band the lead's budget falls in, between increasing thresholds of one currency: with
   * thresholds 10,000 and 50,000 the bands are {@code under CNY 10000.00},
   * {@code CNY 10000.00 up to CNY 50000.00} and {@code CNY 50000.00 or more}. An unknown budget, or
   * one in another currency, is {@value ScoringFeature#UNKNOWN}. Immutable and thread-safe.
   *
   * @param thresholds where bands start, not empty, strictly increasing, all of one currency
   */
  record BudgetBand(Seq<Money> thresholds) implements ScoringFeature {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if thresholds or a threshold is null
     */
    public BudgetBand {
      requireNonNull(thresholds, "thresholds");
      thresholds.forEach(threshold -> requireNonNull(threshold, "thresholds element"));
    }

    /**
     * Returns the feature for some thresholds.
     *
     * @param thresholds where bands start
     * @return the feature
     * @throws NullPointerException if a threshold is null
     */
    public static BudgetBand of(Money... thresholds) {
      return new BudgetBand(List.of(requireNonNull(thresholds, "thresholds")));
    }

    @Override
    public String name() {
      return "budget.band";
    }

    @Override
    public String valueOf(Lead lead) {
      Option<Money> budget = lead.qualification().budget();
      if (budget.isEmpty() || thresholds.isEmpty()
          || !budget.get().currency().equals(thresholds.head().currency())) {
        return UNKNOWN;
      }
      Money amount = budget.get();
      int band = thresholds.count(threshold -> amount.compareTo(threshold) >= 0);
      if (band == 0) {
        return "under " + thresholds.head();
      }
      if (band == thresholds.size()) {
        return thresholds.last() + " or more";
      }
      return thresholds.get(band - 1) + " up to " + thresholds.get(band);
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      if (thresholds.isEmpty()) {
        return List.of(Violation.of("scoring.feature.thresholds.empty", field + ".thresholds",
            "A budget band needs at least one threshold"));
      }
      if (thresholds.exists(threshold -> !threshold.currency().equals(
          thresholds.head().currency()))) {
        return List.of(Violation.of("scoring.feature.thresholds.currency_mismatch",
            field + ".thresholds", "Budget thresholds are of one currency, but got "
                + ScoringText.list(thresholds)));
      }
      return thresholds.sliding(2).exists(pair -> pair.size() == 2
          && pair.get(0).compareTo(pair.get(1)) >= 0)
          ? List.of(Violation.of("scoring.feature.thresholds.not_increasing",
              field + ".thresholds", "Budget thresholds strictly increase, but got "
                  + ScoringText.list(thresholds)))
          : List.empty();
    }
  }

  /**
   * Reads whether the contact decides: {@code yes}, {@code no} or {@code unknown}. Immutable and
   * thread-safe.
   */
  record DecisionMaker() implements ScoringFeature {
    @Override
    public String name() {
      return "qualification.decision_maker";
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.qualification().decisionMaker().map(decides -> decides ? "yes" : "no")
          .getOrElse(UNKNOWN);
    }
  }

  /**
   * Reads whether the timeline is known: {@code known} or {@code unknown}. Immutable and
   * thread-safe.
   */
  record TimelineKnown() implements ScoringFeature {
    @Override
    public String name() {
      return "qualification.timeline";
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.qualification().timeline().isDefined() ? "known" : UNKNOWN;
    }
  }

  /**
   * Reads whether a need is stated: {@code stated} or {@code unknown}. Immutable and
   * thread-safe.
   */
  record NeedStated() implements ScoringFeature {
    @Override
    public String name() {
      return "qualification.need";
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.qualification().need().exists(need -> !need.isBlank()) ? "stated" : UNKNOWN;
    }
  }

  /**
   * Reads whether the lead names an organization: {@code yes} or {@code no}. Immutable and
   * thread-safe.
   */
  record HasOrganization() implements ScoringFeature {
    @Override
    public String name() {
      return "organization";
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.organizationName().isDefined() ? "yes" : "no";
    }
  }

  /**
   * Reads whether the lead has a contact point of a kind, such as a phone number: {@code yes} or
   * {@code no}. Immutable and thread-safe.
   *
   * @param kind the kind of contact point
   */
  record HasContact(ContactKind kind) implements ScoringFeature {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if kind is null
     */
    public HasContact {
      requireNonNull(kind, "kind");
    }

    /** Returns {@code contact.} and the kind in lower case, such as {@code contact.phone}. */
    @Override
    public String name() {
      return "contact." + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.contactPoints().exists(point -> point.kind() == kind) ? "yes" : "no";
    }
  }

  /**
   * Reads whether the lead asked about a product: {@code yes} or {@code no}. Immutable and
   * thread-safe.
   *
   * @param product the product
   */
  record InterestedIn(ProductId product) implements ScoringFeature {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if product is null
     */
    public InterestedIn {
      requireNonNull(product, "product");
    }

    /** Returns {@code interest.} and the product's id, such as {@code interest.P-1}. */
    @Override
    public String name() {
      return "interest." + product.value();
    }

    @Override
    public String valueOf(Lead lead) {
      return lead.interests().contains(product) ? "yes" : "no";
    }
  }
}
