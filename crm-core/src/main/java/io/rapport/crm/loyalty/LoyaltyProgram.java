package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Configures a loyalty program (会员体系): its point currencies, earn rules, tier ladder, referral
 * reward and ledger policies. The components mean what they mean in {@link ProgramDraft}.
 * Immutable and thread-safe.
 *
 * <p>{@link #define(LoyaltyProgramId, ProgramDraft, Instant) define} checks a draft and reports
 * every broken invariant at once, each with a stable code and its field path, such as
 * {@code earnRules[2].capPerDay} or {@code ladder.tiers[1].anyOf[0].minimum}. The canonical
 * constructor enforces the same invariants by throwing. The invariants and their codes:
 *
 * <ul>
 *   <li>the name is not blank ({@code loyalty.program.name.blank}) and has at most 200 characters
 *       ({@code loyalty.program.name.too_long}); the spend currency has a minor unit
 *       ({@code loyalty.program.spend_currency.no_minor_unit});</li>
 *   <li>at least one point currency ({@code loyalty.program.currencies.empty}), each declared once
 *       ({@code loyalty.program.currency.duplicate});</li>
 *   <li>earn rules: codes are a lower-case letter or digit, then up to 63 lower-case letters,
 *       digits or {@code . _ -} ({@code loyalty.rule.code.malformed}) and unique
 *       ({@code loyalty.rule.code.duplicate}); names not blank and at most 200 characters
 *       ({@code loyalty.rule.name.blank}, {@code loyalty.rule.name.too_long}); the currency is
 *       declared ({@code loyalty.rule.currency.unknown}); points at least 1
 *       ({@code loyalty.rule.points.not_positive}); a per-spend rule's {@code per} is in the spend
 *       currency ({@code loyalty.rule.per.currency_mismatch}) and positive
 *       ({@code loyalty.rule.per.not_positive}); caps, when present, at least 1
 *       ({@code loyalty.rule.cap.not_positive}); filter categories and channels not blank
 *       ({@code loyalty.rule.filter.blank});</li>
 *   <li>the ladder has at least one tier ({@code loyalty.tier.ladder.empty}); the base (first)
 *       tier has no threshold ({@code loyalty.tier.base.threshold}) and every other tier at least
 *       one ({@code loyalty.tier.threshold.missing}); tier codes are well formed and unique
 *       ({@code loyalty.tier.code.malformed}, {@code loyalty.tier.code.duplicate}); names not
 *       blank and at most 200 characters ({@code loyalty.tier.name.blank},
 *       {@code loyalty.tier.name.too_long});</li>
 *   <li>thresholds: a qualifying-points currency is declared
 *       ({@code loyalty.tier.threshold.currency.unknown}) and qualifying
 *       ({@code loyalty.tier.threshold.not_qualifying}); a spend minimum is in the spend currency
 *       ({@code loyalty.tier.threshold.currency_mismatch}); every minimum is positive
 *       ({@code loyalty.tier.threshold.minimum.not_positive}); a referrals threshold needs a
 *       referral rule ({@code loyalty.tier.threshold.no_referral}); thresholds of one kind (of one
 *       currency for points) rise strictly up the ladder
 *       ({@code loyalty.tier.threshold.overlapping});</li>
 *   <li>a rolling window is 1 to 120 months ({@code loyalty.tier.window.months.out_of_range}); the
 *       grace period has no negative part ({@code loyalty.tier.grace.negative}) and is at most a
 *       year: twelve months, or months and days with {@code months × 31 + days ≤ 365}
 *       ({@code loyalty.tier.grace.too_long});</li>
 *   <li>benefits: discount 0 to 100 % ({@code loyalty.tier.discount.out_of_range}), points
 *       multiplier 1 to 100 ({@code loyalty.tier.multiplier.out_of_range}), perks not blank
 *       ({@code loyalty.tier.perk.blank});</li>
 *   <li>referral: currency declared ({@code loyalty.referral.currency.unknown}), rewards zero or
 *       positive ({@code loyalty.referral.points.negative}), not both zero
 *       ({@code loyalty.referral.points.zero});</li>
 *   <li>pending days 0 to 365 ({@code loyalty.program.pending_days.out_of_range}).</li>
 * </ul>
 *
 * @param id the program's id
 * @param name the program's name
 * @param zone the time zone its days, months, years and windows are counted in
 * @param spendCurrency the money currency of per-spend earn rules and spend thresholds
 * @param currencies the point currencies
 * @param earnRules the earn rules
 * @param ladder the tiers
 * @param referral the referral reward, or empty
 * @param redemptionOrder which lots redemptions use first
 * @param negativeBalance what a clawback of already-spent points does
 * @param pendingDays for how many days purchase points stay locked
 * @param updatedAt when it was defined or last revised
 */
public record LoyaltyProgram(LoyaltyProgramId id, String name, ZoneId zone,
    Currency spendCurrency, Seq<ProgramCurrency> currencies, Seq<EarnRule> earnRules,
    TierLadder ladder, Option<ReferralRule> referral, RedemptionOrder redemptionOrder,
    NegativeBalancePolicy negativeBalance, int pendingDays, Instant updatedAt)
    implements Aggregate<LoyaltyProgramId> {

  /**
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component, an element or the referral is null
   * @throws InvalidValueException with every broken invariant (the codes are listed on the class)
   */
  public LoyaltyProgram {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(zone, "zone");
    requireNonNull(spendCurrency, "spendCurrency");
    requireNonNull(currencies, "currencies");
    requireNonNull(earnRules, "earnRules");
    requireNonNull(ladder, "ladder");
    requireNonNull(referral, "referral");
    requireNonNull(redemptionOrder, "redemptionOrder");
    requireNonNull(negativeBalance, "negativeBalance");
    requireNonNull(updatedAt, "updatedAt");
    currencies.forEach(value -> requireNonNull(value, "currencies"));
    earnRules.forEach(value -> requireNonNull(value, "earnRules"));
    referral.forEach(value -> requireNonNull(value, "referral"));
    Seq<Violation> problems = ProgramChecks.problems(name, spendCurrency, currencies, earnRules,
        ladder, referral, pendingDays);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Defines a program from a draft, reporting every broken invariant at once (the codes are listed
   * on the class).
   *
   * @param id the program's id
   * @param draft the configuration
   * @param at when it is defined; becomes {@link #updatedAt()}
   * @return the program, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, LoyaltyProgram> define(LoyaltyProgramId id,
      ProgramDraft draft, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(at, "at");
    Seq<Violation> problems = ProgramChecks.problems(draft.name(), draft.spendCurrency(),
        draft.currencies(), draft.earnRules(), draft.ladder(), draft.referral(),
        draft.pendingDays());
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    return Validation.valid(new LoyaltyProgram(id, draft.name(), draft.zone(),
        draft.spendCurrency(), draft.currencies(), draft.earnRules(), draft.ladder(),
        draft.referral(), draft.redemptionOrder(), draft.negativeBalance(), draft.pendingDays(),
        at));
  }

  /**
   * Replaces the configuration by a draft's, with the same checks as {@link #define}; the id
   * stays. Accounts keep their tier codes and lots: a host revising tiers or currencies migrates
   * them.
   *
   * @param draft the new configuration
   * @param at when it is revised, not before {@link #updatedAt()}
   * @return the revised program, or every violation, including {@code loyalty.program.out_of_order}
   *     (field {@code at}) when {@code at} is before the last change
   * @throws NullPointerException if an argument is null
   */
  public Validation<Seq<Violation>, LoyaltyProgram> revise(ProgramDraft draft, Instant at) {
    requireNonNull(draft, "draft");
    requireNonNull(at, "at");
    Validation<Seq<Violation>, LoyaltyProgram> next = define(id, draft, at);
    if (at.isBefore(updatedAt)) {
      Violation late = Violation.of("loyalty.program.out_of_order", "at",
          "A revision cannot be dated before the program's last change, at " + updatedAt);
      return Validation.invalid(next.isInvalid() ? next.getError().prepend(late) : List.of(late));
    }
    return next;
  }

  /**
   * Returns the configuration as a draft, so that {@code define(id(), draft(), updatedAt())}
   * gives this program back.
   *
   * @return the draft
   */
  public ProgramDraft draft() {
    return new ProgramDraft(name, zone, spendCurrency, currencies, earnRules, ladder, referral,
        redemptionOrder, negativeBalance, pendingDays);
  }

  /**
   * Looks up a declared point currency.
   *
   * @param currency the currency
   * @return its declaration, or empty if the program does not declare it
   * @throws NullPointerException if currency is null
   */
  public Option<ProgramCurrency> currency(PointCurrency currency) {
    requireNonNull(currency, "currency");
    return currencies.find(declared -> declared.currency().equals(currency));
  }

  /**
   * Lists the currencies that count towards tiers, in declaration order.
   *
   * @return the qualifying currencies, possibly empty
   */
  public Seq<PointCurrency> qualifyingCurrencies() {
    return currencies.filter(ProgramCurrency::isQualifying).map(ProgramCurrency::currency);
  }

  /**
   * Lists the currencies members can redeem, in declaration order.
   *
   * @return the redeemable currencies, possibly empty
   */
  public Seq<PointCurrency> redeemableCurrencies() {
    return currencies.filter(ProgramCurrency::isRedeemable).map(ProgramCurrency::currency);
  }

  /**
   * Looks up a tier by code.
   *
   * @param code the tier's code
   * @return the tier, or empty if the ladder has none with that code
   * @throws NullPointerException if code is null
   */
  public Option<Tier> tier(String code) {
    requireNonNull(code, "code");
    return ladder.tiers().find(tier -> tier.code().equals(code));
  }

  /**
   * Returns the base tier, where every member starts: the ladder's first.
   *
   * @return the base tier
   */
  public Tier baseTier() {
    return ladder.tiers().head();
  }

  /**
   * Returns a tier's rank on the ladder: 0 for the base tier, 1 for the next, and so on. An
   * unknown code has no rank (empty, never -1), so ranks compare only tiers of the program.
   *
   * @param code the tier's code
   * @return the rank, or empty if the ladder has no tier with that code
   * @throws NullPointerException if code is null
   */
  public Option<Integer> tierRank(String code) {
    requireNonNull(code, "code");
    int rank = ladder.tiers().indexWhere(tier -> tier.code().equals(code));
    return rank < 0 ? Option.none() : Option.of(rank);
  }

  /**
   * Returns the tier one rung above a tier.
   *
   * @param code the tier's code
   * @return the next tier up, or empty for the top tier or an unknown code
   * @throws NullPointerException if code is null
   */
  public Option<Tier> tierAbove(String code) {
    return tierRank(code).flatMap(rank -> rank + 1 < ladder.tiers().size()
        ? Option.of(ladder.tiers().get(rank + 1)) : Option.none());
  }

  /**
   * Returns the tier one rung below a tier.
   *
   * @param code the tier's code
   * @return the next tier down, or empty for the base tier or an unknown code
   * @throws NullPointerException if code is null
   */
  public Option<Tier> tierBelow(String code) {
    return tierRank(code).flatMap(rank -> rank > 0
        ? Option.of(ladder.tiers().get(rank - 1)) : Option.none());
  }

  /**
   * Looks up an earn rule by code.
   *
   * @param code the rule's code
   * @return the rule, or empty if the program has none with that code
   * @throws NullPointerException if code is null
   */
  public Option<EarnRule> rule(String code) {
    requireNonNull(code, "code");
    return earnRules.find(rule -> rule.code().equals(code));
  }

  /**
   * Returns what members of a tier get, for the pricing and service rules to read.
   *
   * @param tier the tier's code
   * @return the tier's benefits, or empty if the ladder has no tier with that code
   * @throws NullPointerException if tier is null
   */
  public Option<TierBenefits> benefitsOf(String tier) {
    return tier(tier).map(Tier::benefits);
  }
}
