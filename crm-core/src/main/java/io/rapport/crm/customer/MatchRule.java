package io.rapport.crm.customer;

/**
 * Names the rules duplicate detection applies to two profiles of the same kind (two persons or
 * two organizations), each with the weight {@link DuplicateMatcher#standard()} gives it. A rule
 * that holds adds its weight as independent evidence; see {@link DuplicateMatcher} for how weights
 * combine into a score.
 *
 * <p>"The names match" means: their {@link NameSimilarity#similarity(String, String) similarity}
 * reaches the matcher's name threshold (0.9 by default), and they share an anchor, that is some
 * word of each starts alike up to one typo within its first four letters (the whole name in
 * Chinese, Japanese or Korean script). The three name rules count as one: only the strongest that
 * holds adds its weight.
 */
public enum MatchRule {

  /** Shares an email address: certain on its own. */
  EMAIL(1.0),

  /** Shares a phone number: likely on its own (families and offices share numbers). */
  PHONE(0.9),

  /** Has the same tax id: certain on its own. */
  TAX_ID(1.0),

  /** The names match and the profiles share a postal key: likely. */
  NAME_AND_ADDRESS(0.8),

  /** The names match and the organization names are the same once folded: likely. */
  NAME_AND_ORGANIZATION(0.8),

  /** The names match, with nothing else to back them: possible, never likely on its own. */
  NAME_ONLY(0.6);

  private final double standardWeight;

  MatchRule(double standardWeight) {
    this.standardWeight = standardWeight;
  }

  /** Returns the weight the standard matcher gives this rule, from 0 to 1. */
  public double standardWeight() {
    return standardWeight;
  }

  /** Tells whether this is one of the three name rules, of which only the strongest counts. */
  public boolean comparesNames() {
    return this == NAME_AND_ADDRESS || this == NAME_AND_ORGANIZATION || this == NAME_ONLY;
  }
}
