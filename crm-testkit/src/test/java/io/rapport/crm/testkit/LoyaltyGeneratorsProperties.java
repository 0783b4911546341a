package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.EarnFilter;
import io.rapport.crm.loyalty.EarnRule;
import io.rapport.crm.loyalty.LedgerEntry;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierChange;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.testkit.generators.LoyaltyGenerators;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loyalty generators make only valid programs and accounts: every invariant of
 * docs/guides/loyalty-storage.md holds for every generated value, checked here independently of
 * the constructors, which their owners are writing at the same time; accounts carry real ledgers
 * (restorable from their parts); and the generators reach every variant of every sealed type.
 */
class LoyaltyGeneratorsProperties {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static boolean text(String value) {
    return !value.isBlank() && value.length() <= 200;
  }

  private static boolean ordered(Seq<Instant> times) {
    return times.sliding(2).forAll(pair -> pair.size() < 2 || !pair.get(1).isBefore(pair.get(0)));
  }

  /** Returns the names of the program invariants a program breaks. */
  static List<String> broken(LoyaltyProgram p) {
    List<String> broken = List.empty();
    Seq<PointCurrency> declared = p.currencies().map(ProgramCurrency::currency);
    if (!text(p.name())) {
      broken = broken.append("name");
    }
    if (declared.isEmpty() || declared.distinct().size() != declared.size()) {
      broken = broken.append("currencies");
    }
    Seq<String> codes = p.earnRules().map(EarnRule::code);
    if (codes.distinct().size() != codes.size()) {
      broken = broken.append("earnRules.codes");
    }
    for (EarnRule rule : p.earnRules()) {
      boolean basis = rule.basis() instanceof EarnBasis.PerSpend spend
          ? spend.points() >= 1 && spend.per().isPositive()
              && spend.per().currency().equals(p.spendCurrency())
          : rule.basis() instanceof EarnBasis.PerUnit unit ? unit.points() >= 1
              : ((EarnBasis.PerEvent) rule.basis()).points() >= 1;
      EarnFilter f = rule.filter();
      boolean filter = f.categories().forAll(c -> !c.isBlank())
          && f.channels().forAll(c -> !c.isBlank());
      if (!CODE.matcher(rule.code()).matches() || !text(rule.name())
          || !declared.contains(rule.currency()) || !basis || !filter
          || rule.capPerActivity().exists(c -> c < 1) || rule.capPerDay().exists(c -> c < 1)) {
        broken = broken.append("earnRule " + rule.code());
      }
    }
    Seq<Tier> tiers = p.ladder().tiers();
    if (tiers.isEmpty() || !tiers.head().anyOf().isEmpty()
        || tiers.tail().exists(t -> t.anyOf().isEmpty())) {
      broken = broken.append("ladder.thresholds");
    }
    if (tiers.map(Tier::code).distinct().size() != tiers.size()
        || tiers.exists(t -> !CODE.matcher(t.code()).matches() || !text(t.name()))) {
      broken = broken.append("ladder.tiers");
    }
    Map<String, BigDecimal> highest = new TreeMap<>();
    for (Tier tier : tiers) {
      Percentage discount = tier.benefits().discount();
      BigDecimal multiplier = tier.benefits().pointsMultiplier();
      if (discount.compareTo(Percentage.ZERO) < 0
          || discount.compareTo(Percentage.ONE_HUNDRED) > 0
          || multiplier.compareTo(BigDecimal.ONE) < 0
          || multiplier.compareTo(BigDecimal.valueOf(100)) > 0
          || tier.benefits().perks().exists(String::isBlank)) {
        broken = broken.append("benefits " + tier.code());
      }
      for (TierThreshold threshold : tier.anyOf()) {
        String kind;
        BigDecimal minimum;
        if (threshold instanceof TierThreshold.QualifyingPoints points) {
          kind = "points/" + points.currency();
          minimum = BigDecimal.valueOf(points.minimum());
          if (!p.currencies().exists(c -> c.currency().equals(points.currency())
              && c.isQualifying()) || points.minimum() < 1) {
            broken = broken.append("threshold " + tier.code());
          }
        } else if (threshold instanceof TierThreshold.Spend spend) {
          kind = "spend";
          minimum = spend.minimum().amount();
          if (!spend.minimum().isPositive()
              || !spend.minimum().currency().equals(p.spendCurrency())) {
            broken = broken.append("threshold " + tier.code());
          }
        } else if (threshold instanceof TierThreshold.Purchases purchases) {
          kind = "purchases";
          minimum = BigDecimal.valueOf(purchases.minimum());
        } else {
          kind = "referrals";
          minimum = BigDecimal.valueOf(((TierThreshold.Referrals) threshold).minimum());
          if (p.referral().isEmpty()) {
            broken = broken.append("referrals without a rule");
          }
        }
        if (minimum.signum() < 1 || highest.containsKey(kind)
            && minimum.compareTo(highest.get(kind)) <= 0) {
          broken = broken.append("overlapping " + kind);
        }
        highest.put(kind, minimum);
      }
    }
    if (p.ladder().window() instanceof TierWindow.Rolling rolling
        && (rolling.months() < 1 || rolling.months() > 120)) {
      broken = broken.append("window");
    }
    Period grace = p.ladder().grace();
    // at most a year however it is counted: up to 12 months, or up to 365 days, never both
    if (grace.isNegative() || grace.toTotalMonths() > 12 || grace.getDays() > 365
        || grace.toTotalMonths() > 0 && grace.getDays() > 0) {
      broken = broken.append("grace");
    }
    if (p.referral().isDefined() && (!declared.contains(p.referral().get().currency())
        || p.referral().get().referrerPoints() < 0 || p.referral().get().referredPoints() < 0
        || p.referral().get().referrerPoints() + p.referral().get().referredPoints() == 0)) {
      broken = broken.append("referral");
    }
    if (p.pendingDays() < 0 || p.pendingDays() > 365) {
      broken = broken.append("pendingDays");
    }
    return broken;
  }

  /** Returns the names of the account invariants an account breaks. */
  static List<String> broken(LoyaltyAccount a) {
    List<String> broken = List.empty();
    if (!a.ledger().id().equals(a.id())) {
      broken = broken.append("ledger.id");
    }
    if (a.updatedAt().isBefore(a.joinedAt())) {
      broken = broken.append("updatedAt");
    }
    if (!ordered(a.qualifying().map(QualifyingEntry::at))
        || a.qualifying().exists(q -> q.at().isBefore(a.joinedAt()))) {
      broken = broken.append("qualifying");
    }
    if (!ordered(a.tierHistory().map(TierChange::at))) {
      broken = broken.append("tierHistory");
    }
    if (a.tier().since().isBefore(a.joinedAt())) {
      broken = broken.append("tier.since");
    }
    if (a.referredBy().contains(a.id())) {
      broken = broken.append("referredBy");
    }
    if (a.referralCompletedAt().isDefined() && a.referredBy().isEmpty()) {
      broken = broken.append("referralCompletedAt");
    }
    return broken;
  }

  @Test
  void programsKeepEveryProgramInvariant() {
    qt().forAll(LoyaltyGenerators.programs()).checkAssert(program ->
        assertThat(broken(program)).as("%s", program).isEmpty());
  }

  @Test
  void theInvariantCheckerAgreesWithTheProgramOnAValidAndABrokenProgram() {
    LoyaltyProgram valid = LoyaltyJsonRoundTripProperties.rosewoodClub();
    assertThat(broken(valid)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoyaltyProgram(valid.id(), " ",
        valid.zone(), valid.spendCurrency(), valid.currencies(), valid.earnRules(),
        valid.ladder(), io.vavr.control.Option.none(), valid.redemptionOrder(),
        valid.negativeBalance(), 400, valid.updatedAt()))
        .isInstanceOfSatisfying(io.rapport.crm.kernel.InvalidValueException.class,
            e -> assertThat(e.violations().map(v -> v.code()).toJavaList()).contains(
                "loyalty.program.name.blank", "loyalty.program.pending_days.out_of_range",
                "loyalty.tier.threshold.no_referral"));
  }

  @Test
  void programsReachEveryVariant() {
    Set<String> seen = new TreeSet<>();
    qt().forAll(LoyaltyGenerators.programs()).checkAssert(p -> {
      p.currencies().forEach(c -> {
        seen.add("expiry:" + c.expiry().getClass().getSimpleName());
        seen.add("roles:" + c.roles().toSortedSet());
      });
      p.earnRules().forEach(r -> {
        seen.add("basis:" + r.basis().getClass().getSimpleName());
        seen.add("filter:" + (r.filter().equals(EarnFilter.ANY) ? "any" : "some"));
        r.activeDuring().forEach(w -> seen.add("activeDuring"));
        r.capPerActivity().forEach(c -> seen.add("capPerActivity"));
        r.capPerDay().forEach(c -> seen.add("capPerDay"));
      });
      p.ladder().tiers().forEach(t -> {
        t.anyOf().forEach(th -> seen.add("threshold:" + th.getClass().getSimpleName()));
        t.benefits().servicePriority().forEach(s -> seen.add("priority"));
      });
      seen.add("tiers:" + p.ladder().tiers().size());
      seen.add("window:" + p.ladder().window().getClass().getSimpleName());
      seen.add("downgrade:" + p.ladder().downgrade());
      seen.add("referral:" + p.referral().map(r -> r.trigger().name()).getOrElse("none"));
      seen.add("order:" + p.redemptionOrder());
      seen.add("negative:" + p.negativeBalance());
    });
    assertThat(seen).contains("expiry:Never", "expiry:AfterDays", "expiry:EndOfMonth",
        "expiry:EndOfYear", "roles:TreeSet(QUALIFYING)", "roles:TreeSet(REDEEMABLE)",
        "roles:TreeSet(QUALIFYING, REDEEMABLE)", "basis:PerSpend", "basis:PerUnit",
        "basis:PerEvent", "filter:any", "filter:some", "activeDuring", "capPerActivity",
        "capPerDay", "threshold:QualifyingPoints", "threshold:Spend", "threshold:Purchases",
        "threshold:Referrals", "priority", "tiers:1", "tiers:5", "window:CalendarYear",
        "window:Anniversary", "window:Rolling", "downgrade:ONE_LEVEL", "downgrade:TO_BASE",
        "referral:none", "referral:REGISTRATION", "referral:FIRST_PURCHASE",
        "order:OLDEST_FIRST", "order:SOONEST_EXPIRING_FIRST", "negative:ALLOW",
        "negative:FORFEIT", "negative:REFUSE");
  }

  @Test
  void accountsKeepEveryAccountInvariantWithARealLedger() {
    qt().forAll(LoyaltyGenerators.accounts()).checkAssert(account -> {
      assertThat(broken(account)).as("%s", account).isEmpty();
      PointsLedger ledger = account.ledger();
      assertThat(PointsLedger.restore(ledger.id(), ledger.policy(), ledger.lots(),
          ledger.journal(), ledger.debts(), ledger.clawedBackSources(),
          ledger.reversedRedemptions(), ledger.updatedAt()).toOption().toJavaOptional())
          .contains(ledger);
    });
  }

  @Test
  void accountsReachEveryVariant() {
    Set<String> seen = new TreeSet<>();
    qt().forAll(LoyaltyGenerators.accounts()).checkAssert(a -> {
      a.ledger().journal().forEach(e -> seen.add("entry:" + e.getClass().getSimpleName()));
      if (!a.ledger().debts().isEmpty()) {
        seen.add("debt");
      }
      seen.add("policy:" + a.ledger().policy());
      seen.add("notice:" + a.tier().notice().isDefined());
      seen.add("referred:" + a.referredBy().isDefined());
      a.referralCompletedAt().forEach(at -> seen.add("referralCompleted"));
      a.qualifying().forEach(q -> seen.add("reversal:" + q.reversal()));
      if (!a.tierHistory().isEmpty()) {
        seen.add("tierHistory");
      }
      a.nextExpiry().forEach(at -> seen.add("expiring"));
    });
    assertThat(seen).contains("entry:Earned", "entry:Redeemed", "entry:Expired",
        "entry:Adjusted", "entry:ClawedBack", "entry:RedemptionReversed", "debt",
        "policy:ALLOW", "policy:FORFEIT", "policy:REFUSE", "notice:true", "notice:false",
        "referred:true", "referred:false", "referralCompleted", "reversal:true",
        "reversal:false", "tierHistory", "expiring");
    assertThat(LedgerEntry.class.getPermittedSubclasses()).hasSize(6);
  }

  @Test
  void tierStatusesComeWithAndWithoutANotice() {
    qt().withExamples(100).forAll(LoyaltyGenerators.tierStatuses(true)).checkAssert(status -> {
      assertThat(status.notice()).isNotEmpty();
      assertThat(status.notice().get().evaluatedAt()).isAfterOrEqualTo(status.since());
      assertThat(status.nextEvaluation()).isAfter(status.since());
    });
    qt().withExamples(100).forAll(LoyaltyGenerators.tierStatuses(false)).checkAssert(status ->
        assertThat(status.notice()).isEmpty());
  }

  @Test
  void qualifyingEntriesSignTheirValuesByWhetherTheyReverse() {
    qt().forAll(LoyaltyGenerators.qualifyingEntries()).checkAssert(entry -> {
      long sign = entry.reversal() ? -1 : 1;
      assertThat(entry.points().values()).allMatch(v -> v != 0 && Long.signum(v) == sign);
      assertThat(entry.spend().amount().signum()).isIn(0, (int) sign);
      assertThat(entry.purchases() * sign).isBetween(0L, 1L);
      assertThat(entry.referrals() * sign).isBetween(0L, 1L);
    });
  }

  @Test
  void everyGeneratedPartIsBuiltThroughItsConstructorWithoutAnError() {
    assertThatCode(() -> qt().withExamples(200).forAll(LoyaltyGenerators.programCurrencies(),
        LoyaltyGenerators.earnBases(), LoyaltyGenerators.tierThresholds(),
        LoyaltyGenerators.tierBenefits()).checkAssert((c, b, t, benefits) ->
            assertThat(c.roles()).isNotEmpty())).doesNotThrowAnyException();
    assertThat(CurrencyRole.values()).hasSize(2);
  }
}
