package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * States a fact about a lead that a {@link ScoringRule} gives points for, such as "came through the
 * web", "has a budget of at least CNY 100,000" or "wants to buy within 90 days". Conditions are
 * data, so a host can store its rules and load them again; each {@linkplain #describe() describes}
 * itself for explanations and {@linkplain #evaluate explains} what it found on a lead.
 *
 * <p>A condition is checked as part of the {@link PointsModel} that holds it: the model's
 * {@link PointsModel#validated validated} factory reports every problem of every condition at
 * once (an empty list of channels, a malformed attribute name, an empty any-of ...), so a host that
 * loads rules sees all of them together. {@link #problems(String)} gives them for one condition.
 * Sets of values are kept sorted, so descriptions read the same on every machine.
 */
public sealed interface ScoringCondition permits ScoringCondition.SourceChannelIn,
    ScoringCondition.CampaignIn, ScoringCondition.AttributeIn, ScoringCondition.HasEmail,
    ScoringCondition.HasPhone, ScoringCondition.HasOrganization, ScoringCondition.BudgetAtLeast,
    ScoringCondition.DecisionMaker, ScoringCondition.NeedStated, ScoringCondition.TimelineWithin,
    ScoringCondition.EstimatedValueAtLeast, ScoringCondition.InterestedIn, ScoringCondition.AllOf,
    ScoringCondition.AnyOf, ScoringCondition.Not {

  /** The longest a timeline condition looks ahead, in days: ten years. */
  int MAX_DAYS = 3650;

  /**
   * Tells whether the condition holds for a lead, and what was found.
   *
   * @param lead the lead
   * @param asOf the day the lead is scored on, for conditions on time
   * @return whether it holds, with the finding in words
   * @throws NullPointerException if an argument is null
   */
  Outcome evaluate(Lead lead, LocalDate asOf);

  /**
   * Describes the condition in words, such as {@code source channel is one of [web]}.
   *
   * @return the description
   */
  String describe();

  /**
   * Returns every problem of this condition (and of the conditions it combines), each with its
   * field placed under the given path.
   *
   * @param field where the condition sits in its model, such as {@code rules[2].condition}
   * @return the violations, empty for a usable condition
   * @throws NullPointerException if field is null
   */
  default Seq<Violation> problems(String field) {
    requireNonNull(field, "field");
    return List.empty();
  }

  /**
   * Tells whether a condition held and what was found, such as
   * {@code budget USD 20000.00 is in another currency than CNY}. Immutable and thread-safe.
   *
   * @param matched whether the condition held
   * @param finding what was found on the lead, in words
   */
  record Outcome(boolean matched, String finding) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if finding is null
     */
    public Outcome {
      requireNonNull(finding, "finding");
    }
  }

  /**
   * Holds when the lead's source channel is one of some channels. Immutable and thread-safe.
   *
   * @param channels the channels, such as {@code web}; not empty; kept sorted
   */
  record SourceChannelIn(Set<String> channels) implements ScoringCondition {

    /**
     * Checks the component and sorts the channels.
     *
     * @throws NullPointerException if channels or a channel is null
     */
    public SourceChannelIn {
      channels = sorted(channels, "channels");
    }

    /**
     * Returns the condition for some channels.
     *
     * @param channels the channels
     * @return the condition
     * @throws NullPointerException if a channel is null
     */
    public static SourceChannelIn of(String... channels) {
      return new SourceChannelIn(TreeSet.of(requireNonNull(channels, "channels")));
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      String channel = lead.source().channel();
      return new Outcome(channels.contains(channel), "channel is " + channel);
    }

    @Override
    public String describe() {
      return "source channel is one of " + ScoringText.list(channels);
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      return nonEmpty(channels, field + ".channels", "scoring.condition.channels.empty",
          "channel").appendAll(channels.filter(channel -> !ScoringText.isCode(channel)).toList()
          .map(channel -> Violation.of("scoring.condition.channel.malformed", field + ".channels",
              "A channel has lower-case letters, digits, '.', '_' and '-', such as web: "
                  + ScoringText.quote(channel))));
    }
  }

  /**
   * Holds when the lead came through one of some campaigns. Immutable and thread-safe.
   *
   * @param campaigns the campaign codes; not empty, none blank; kept sorted
   */
  record CampaignIn(Set<String> campaigns) implements ScoringCondition {

    /**
     * Checks the component and sorts the campaigns.
     *
     * @throws NullPointerException if campaigns or a campaign is null
     */
    public CampaignIn {
      campaigns = sorted(campaigns, "campaigns");
    }

    /**
     * Returns the condition for some campaigns.
     *
     * @param campaigns the campaign codes
     * @return the condition
     * @throws NullPointerException if a campaign is null
     */
    public static CampaignIn of(String... campaigns) {
      return new CampaignIn(TreeSet.of(requireNonNull(campaigns, "campaigns")));
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      Option<String> campaign = lead.source().campaign();
      return new Outcome(campaign.exists(campaigns::contains),
          campaign.map(code -> "campaign is " + code).getOrElse("no campaign"));
    }

    @Override
    public String describe() {
      return "campaign is one of " + ScoringText.list(campaigns);
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      return nonEmpty(campaigns, field + ".campaigns", "scoring.condition.campaigns.empty",
          "campaign").appendAll(blanks(campaigns, field + ".campaigns",
          "scoring.condition.campaign.blank", "A campaign"));
    }
  }

  /**
   * Holds when a lead attribute has one of some values, such as {@code industry} being
   * {@code hospitality} or {@code retail}. Values compare exactly. Immutable and thread-safe.
   *
   * @param name the attribute's name, as leads hold it: {@code [a-z][a-z0-9._-]{0,63}}
   * @param values the values; not empty, none blank; kept sorted
   */
  record AttributeIn(String name, Set<String> values) implements ScoringCondition {

    /**
     * Checks the components and sorts the values.
     *
     * @throws NullPointerException if a component or a value is null
     */
    public AttributeIn {
      requireNonNull(name, "name");
      values = sorted(values, "values");
    }

    /**
     * Returns the condition for an attribute and some values.
     *
     * @param name the attribute's name
     * @param values the values
     * @return the condition
     * @throws NullPointerException if an argument or value is null
     */
    public static AttributeIn of(String name, String... values) {
      return new AttributeIn(name, TreeSet.of(requireNonNull(values, "values")));
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      Option<String> value = lead.attributes().get(name);
      return new Outcome(value.exists(values::contains),
          value.map(found -> name + " is " + found).getOrElse(name + " not given"));
    }

    @Override
    public String describe() {
      return "attribute " + name + " is one of " + ScoringText.list(values);
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      Seq<Violation> problems = ScoringText.isAttributeName(name) ? List.empty()
          : List.of(Violation.of("scoring.condition.attribute.malformed", field + ".name",
              "An attribute name has lower-case letters, digits, '.', '_' and '-', starting with a"
                  + " letter: " + ScoringText.quote(name)));
      return problems.appendAll(nonEmpty(values, field + ".values",
          "scoring.condition.values.empty", "value")).appendAll(blanks(values,
          field + ".values", "scoring.condition.value.blank", "A value"));
    }
  }

  /** Holds when the lead has an email address. Immutable and thread-safe. */
  record HasEmail() implements ScoringCondition {

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      boolean has = hasContact(lead, ContactKind.EMAIL);
      return new Outcome(has, has ? "has an email address" : "no email address");
    }

    @Override
    public String describe() {
      return "has an email address";
    }
  }

  /** Holds when the lead has a phone number. Immutable and thread-safe. */
  record HasPhone() implements ScoringCondition {

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      boolean has = hasContact(lead, ContactKind.PHONE);
      return new Outcome(has, has ? "has a phone number" : "no phone number");
    }

    @Override
    public String describe() {
      return "has a phone number";
    }
  }

  /** Holds when the lead names the organization they buy for. Immutable and thread-safe. */
  record HasOrganization() implements ScoringCondition {

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      Option<String> organization = lead.organizationName();
      return new Outcome(organization.isDefined(),
          organization.map(name -> "organization is " + name).getOrElse("no organization"));
    }

    @Override
    public String describe() {
      return "has an organization";
    }
  }

  /**
   * Holds when the lead's known budget reaches a minimum. A budget in another currency is not
   * converted: it does not match, and the finding says so. Immutable and thread-safe.
   *
   * @param minimum the smallest budget that matches, not negative
   */
  record BudgetAtLeast(Money minimum) implements ScoringCondition {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if minimum is null
     */
    public BudgetAtLeast {
      requireNonNull(minimum, "minimum");
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      return atLeast("budget", lead.qualification().budget(), minimum);
    }

    @Override
    public String describe() {
      return "budget at least " + minimum;
    }

    @Override
    public Seq<Violation> problems(String field) {
      return notNegative(minimum, requireNonNull(field, "field"));
    }
  }

  /** Holds when the contact is known to decide the purchase. Immutable and thread-safe. */
  record DecisionMaker() implements ScoringCondition {

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      Option<Boolean> decides = lead.qualification().decisionMaker();
      return new Outcome(decides.contains(true), decides.isEmpty()
          ? "unknown whether the contact decides"
          : decides.get() ? "the contact decides the purchase" : "the contact does not decide");
    }

    @Override
    public String describe() {
      return "the contact is the decision maker";
    }
  }

  /** Holds when the lead's need is stated. Immutable and thread-safe. */
  record NeedStated() implements ScoringCondition {

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      boolean stated = lead.qualification().need().exists(need -> !need.isBlank());
      return new Outcome(stated, stated ? "need stated" : "no need stated");
    }

    @Override
    public String describe() {
      return "a need is stated";
    }
  }

  /**
   * Holds when the lead wants to buy from the day scored on to at most some days later, both days
   * included. A timeline already past does not match. Immutable and thread-safe.
   *
   * @param days how many days ahead, from 0 to {@value ScoringCondition#MAX_DAYS}
   */
  record TimelineWithin(int days) implements ScoringCondition {

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      Option<LocalDate> timeline = lead.qualification().timeline();
      if (timeline.isEmpty()) {
        return new Outcome(false, "timeline unknown");
      }
      long ahead = ChronoUnit.DAYS.between(asOf, timeline.get());
      if (ahead < 0) {
        return new Outcome(false, "timeline " + timeline.get() + " has passed");
      }
      return new Outcome(ahead <= days, "timeline " + timeline.get() + " is " + ahead
          + (ahead == 1 ? " day" : " days") + " away");
    }

    @Override
    public String describe() {
      return "timeline within " + days + (days == 1 ? " day" : " days");
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      return days >= 0 && days <= MAX_DAYS ? List.empty()
          : List.of(Violation.of("scoring.condition.days.out_of_range", field + ".days",
              "A timeline condition looks 0 to " + MAX_DAYS + " days ahead, but got " + days));
    }
  }

  /**
   * Holds when the lead's estimated value reaches a minimum; a value in another currency does not
   * match, and the finding says so. Immutable and thread-safe.
   *
   * @param minimum the smallest value that matches, not negative
   */
  record EstimatedValueAtLeast(Money minimum) implements ScoringCondition {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if minimum is null
     */
    public EstimatedValueAtLeast {
      requireNonNull(minimum, "minimum");
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      return atLeast("estimated value", lead.estimatedValue(), minimum);
    }

    @Override
    public String describe() {
      return "estimated value at least " + minimum;
    }

    @Override
    public Seq<Violation> problems(String field) {
      return notNegative(minimum, requireNonNull(field, "field"));
    }
  }

  /**
   * Holds when the lead asked about at least one of some products. Immutable and thread-safe.
   *
   * @param products the products; not empty; kept sorted by id
   */
  record InterestedIn(Set<ProductId> products) implements ScoringCondition {

    /**
     * Checks the component and sorts the products.
     *
     * @throws NullPointerException if products or a product is null
     */
    public InterestedIn {
      requireNonNull(products, "products");
      products.forEach(product -> requireNonNull(product, "products element"));
      products = TreeSet.ofAll(Comparator.comparing(ProductId::value), products);
    }

    /**
     * Returns the condition for some products.
     *
     * @param products the products
     * @return the condition
     * @throws NullPointerException if a product is null
     */
    public static InterestedIn of(ProductId... products) {
      return new InterestedIn(List.of(requireNonNull(products, "products")).toSet());
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      requireNonNull(asOf, "asOf");
      Seq<ProductId> wanted = lead.interests().filter(products::contains);
      return new Outcome(!wanted.isEmpty(), wanted.isEmpty()
          ? "interested in none of them"
          : "interested in " + ScoringText.list(wanted.map(ProductId::value).distinct()));
    }

    @Override
    public String describe() {
      return "interested in any of " + ScoringText.list(products.map(ProductId::value));
    }

    @Override
    public Seq<Violation> problems(String field) {
      requireNonNull(field, "field");
      return nonEmpty(products, field + ".products", "scoring.condition.products.empty",
          "product");
    }
  }

  /**
   * Holds when every one of some conditions holds. Every condition is evaluated, so the finding
   * lists them all. Immutable and thread-safe.
   *
   * @param conditions the conditions, not empty
   */
  record AllOf(Seq<ScoringCondition> conditions) implements ScoringCondition {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if conditions or a condition is null
     */
    public AllOf {
      requireNonNull(conditions, "conditions");
      conditions.forEach(condition -> requireNonNull(condition, "conditions element"));
    }

    /**
     * Returns the condition that all of some conditions hold.
     *
     * @param conditions the conditions
     * @return the condition
     * @throws NullPointerException if a condition is null
     */
    public static AllOf of(ScoringCondition... conditions) {
      return new AllOf(List.of(requireNonNull(conditions, "conditions")));
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      Seq<Outcome> outcomes = conditions.map(condition -> condition.evaluate(lead, asOf));
      return new Outcome(outcomes.forAll(Outcome::matched), findings(outcomes));
    }

    @Override
    public String describe() {
      return "all of (" + conditions.map(ScoringCondition::describe).mkString("; ") + ")";
    }

    @Override
    public Seq<Violation> problems(String field) {
      return combined(conditions, requireNonNull(field, "field"), "scoring.condition.all_of.empty",
          "An all-of");
    }
  }

  /**
   * Holds when at least one of some conditions holds. Every condition is evaluated, so the
   * finding lists them all. Immutable and thread-safe.
   *
   * @param conditions the conditions, not empty
   */
  record AnyOf(Seq<ScoringCondition> conditions) implements ScoringCondition {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if conditions or a condition is null
     */
    public AnyOf {
      requireNonNull(conditions, "conditions");
      conditions.forEach(condition -> requireNonNull(condition, "conditions element"));
    }

    /**
     * Returns the condition that at least one of some conditions holds.
     *
     * @param conditions the conditions
     * @return the condition
     * @throws NullPointerException if a condition is null
     */
    public static AnyOf of(ScoringCondition... conditions) {
      return new AnyOf(List.of(requireNonNull(conditions, "conditions")));
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      Seq<Outcome> outcomes = conditions.map(condition -> condition.evaluate(lead, asOf));
      return new Outcome(outcomes.exists(Outcome::matched), findings(outcomes));
    }

    @Override
    public String describe() {
      return "any of (" + conditions.map(ScoringCondition::describe).mkString("; ") + ")";
    }

    @Override
    public Seq<Violation> problems(String field) {
      return combined(conditions, requireNonNull(field, "field"), "scoring.condition.any_of.empty",
          "An any-of");
    }
  }

  /**
   * Holds when another condition does not. Immutable and thread-safe.
   *
   * @param condition the condition negated
   */
  record Not(ScoringCondition condition) implements ScoringCondition {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if condition is null
     */
    public Not {
      requireNonNull(condition, "condition");
    }

    @Override
    public Outcome evaluate(Lead lead, LocalDate asOf) {
      Outcome outcome = condition.evaluate(lead, asOf);
      return new Outcome(!outcome.matched(), outcome.finding());
    }

    @Override
    public String describe() {
      return "not (" + condition.describe() + ")";
    }

    @Override
    public Seq<Violation> problems(String field) {
      return condition.problems(requireNonNull(field, "field") + ".condition");
    }
  }

  private static Set<String> sorted(Set<String> values, String name) {
    requireNonNull(values, name);
    values.forEach(value -> requireNonNull(value, name + " element"));
    return TreeSet.ofAll(values);
  }

  private static boolean hasContact(Lead lead, ContactKind kind) {
    return lead.contactPoints().exists(point -> point.kind() == kind);
  }

  private static Outcome atLeast(String what, Option<Money> amount, Money minimum) {
    if (amount.isEmpty()) {
      return new Outcome(false, what + " unknown");
    }
    Money known = amount.get();
    if (!known.currency().equals(minimum.currency())) {
      return new Outcome(false, what + " " + known + " is in another currency than "
          + minimum.currency().getCurrencyCode() + ", so it is not compared");
    }
    boolean reaches = known.compareTo(minimum) >= 0;
    return new Outcome(reaches, what + " " + known + (reaches ? " reaches " : " is below ")
        + minimum);
  }

  private static String findings(Seq<Outcome> outcomes) {
    return "(" + outcomes.map(outcome -> (outcome.matched() ? "yes: " : "no: ") + outcome.finding())
        .mkString("; ") + ")";
  }

  private static Seq<Violation> nonEmpty(Set<?> values, String field, String code, String what) {
    return values.isEmpty() ? List.of(Violation.of(code, field, "Name at least one " + what))
        : List.empty();
  }

  private static Seq<Violation> blanks(Set<String> values, String field, String code,
      String what) {
    return values.exists(String::isBlank)
        ? List.of(Violation.of(code, field, what + " must not be blank")) : List.empty();
  }

  private static Seq<Violation> notNegative(Money minimum, String field) {
    return minimum.amount().signum() < 0
        ? List.of(Violation.of("scoring.condition.minimum.negative", field + ".minimum",
            "A minimum amount is not negative, but got " + minimum))
        : List.empty();
  }

  private static Seq<Violation> combined(Seq<ScoringCondition> conditions, String field,
      String code, String what) {
    Seq<Violation> problems = conditions.isEmpty()
        ? List.of(Violation.of(code, field + ".conditions", what + " combines at least one"
            + " condition"))
        : List.empty();
    return problems.appendAll(conditions.zipWithIndex().flatMap(pair ->
        pair._1.problems(field + ".conditions[" + pair._2 + "]")));
  }
}
