package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;

/**
 * Sets, per field, how a merge chooses between the survivor's and the absorbed customer's values,
 * and the manual choices of one merge. Immutable and thread-safe.
 *
 * <p>The standard rules: the name and the owner follow the survivor ({@link SurvivorshipRule#SURVIVOR_WINS}),
 * the organization name, tax id, parent, team and attributes take the most complete value, the
 * source the most recent one.
 */
public final class Survivorship {

  /** Which customer's value a manual choice takes. */
  public enum Side {
    /** The surviving customer's value. */
    SURVIVOR,
    /** The absorbed customer's value. */
    ABSORBED
  }

  private final Map<MergeField, SurvivorshipRule> rules;
  private final Map<MergeField, Side> choices;

  private Survivorship(Map<MergeField, SurvivorshipRule> rules, Map<MergeField, Side> choices) {
    this.rules = rules;
    this.choices = choices;
  }

  /** Returns the standard rules. */
  public static Survivorship standard() {
    return new Survivorship(HashMap.of(
        MergeField.NAME, SurvivorshipRule.SURVIVOR_WINS,
        MergeField.ORGANIZATION_NAME, SurvivorshipRule.MOST_COMPLETE,
        MergeField.TAX_ID, SurvivorshipRule.MOST_COMPLETE,
        MergeField.PARENT, SurvivorshipRule.MOST_COMPLETE,
        MergeField.OWNER, SurvivorshipRule.SURVIVOR_WINS,
        MergeField.TEAM, SurvivorshipRule.MOST_COMPLETE,
        MergeField.SOURCE, SurvivorshipRule.MOST_RECENT,
        MergeField.ATTRIBUTES, SurvivorshipRule.MOST_COMPLETE), HashMap.empty());
  }

  /**
   * Returns these rules with another rule for a field.
   *
   * @param field the field
   * @param rule the rule; for {@link SurvivorshipRule#MANUAL}, also {@link #choose} a side
   * @return the rules
   */
  public Survivorship with(MergeField field, SurvivorshipRule rule) {
    return new Survivorship(rules.put(requireNonNull(field, "field"), requireNonNull(rule, "rule")),
        choices);
  }

  /**
   * Returns these rules with a person's choice for a field, which makes its rule manual.
   *
   * @param field the field
   * @param side whose value to take
   * @return the rules
   */
  public Survivorship choose(MergeField field, Side side) {
    requireNonNull(field, "field");
    requireNonNull(side, "side");
    return new Survivorship(rules.put(field, SurvivorshipRule.MANUAL), choices.put(field, side));
  }

  /** Returns the rule of a field. */
  public SurvivorshipRule ruleOf(MergeField field) {
    return rules.get(field).getOrElse(SurvivorshipRule.SURVIVOR_WINS);
  }

  /** Returns the manual choice for a field, or the survivor if none was made. */
  public Side choiceOf(MergeField field) {
    return choices.get(field).getOrElse(Side.SURVIVOR);
  }
}
