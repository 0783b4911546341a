package io.rapport.crm.loyalty;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Checks a program's configuration against the invariants of {@link LoyaltyProgram}, collecting
 * every violation with its field path. Shared by {@link LoyaltyProgram#define} and the canonical
 * constructor so both report the same codes.
 */
final class ProgramChecks {

  /** The longest program, rule or tier name, in characters. */
  static final int MAX_NAME = 200;

  /** The longest rolling tier window, in months. */
  static final int MAX_ROLLING_MONTHS = 120;

  /** The longest return window, in days. */
  static final int MAX_PENDING_DAYS = 365;

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

  private ProgramChecks() {}

  /** Returns every violation of a configuration, in the order of its parts, or none. */
  static Seq<Violation> problems(String name, Currency spendCurrency,
      Seq<ProgramCurrency> currencies, Seq<EarnRule> earnRules, TierLadder ladder,
      Option<ReferralRule> referral, int pendingDays) {
    java.util.List<Violation> out = new java.util.ArrayList<>();
    name(out, name, "name", "loyalty.program.name", "A program");
    if (spendCurrency.getDefaultFractionDigits() < 0) {
      out.add(Violation.of("loyalty.program.spend_currency.no_minor_unit", "spendCurrency",
          spendCurrency.getCurrencyCode() + " has no minor unit and cannot measure spend"));
    }
    Map<PointCurrency, ProgramCurrency> declared = currencies(out, currencies);
    earnRules(out, earnRules, declared, spendCurrency);
    ladder(out, ladder, declared, spendCurrency, referral.isDefined());
    referral.forEach(rule -> referral(out, rule, declared));
    if (pendingDays < 0 || pendingDays > MAX_PENDING_DAYS) {
      out.add(Violation.of("loyalty.program.pending_days.out_of_range", "pendingDays",
          "Purchase points stay locked 0 to " + MAX_PENDING_DAYS + " days, not " + pendingDays));
    }
    return List.ofAll(out);
  }

  /** Tells whether a code has the shape of rule, tier and currency codes. */
  static boolean isCode(String code) {
    return CODE.matcher(code).matches();
  }

  private static void name(java.util.List<Violation> out, String name, String field,
      String code, String what) {
    if (name.isBlank()) {
      out.add(Violation.of(code + ".blank", field, what + " needs a name"));
    } else if (name.length() > MAX_NAME) {
      out.add(Violation.of(code + ".too_long", field, what + "'s name has at most " + MAX_NAME
          + " characters, not " + name.length()));
    }
  }

  private static Map<PointCurrency, ProgramCurrency> currencies(java.util.List<Violation> out,
      Seq<ProgramCurrency> currencies) {
    if (currencies.isEmpty()) {
      out.add(Violation.of("loyalty.program.currencies.empty", "currencies",
          "A program needs at least one point currency"));
    }
    Map<PointCurrency, ProgramCurrency> declared = HashMap.empty();
    int i = 0;
    for (ProgramCurrency currency : currencies) {
      if (declared.containsKey(currency.currency())) {
        out.add(Violation.of("loyalty.program.currency.duplicate",
            "currencies[" + i + "].currency",
            "Point currency " + currency.currency() + " is declared more than once"));
      } else {
        declared = declared.put(currency.currency(), currency);
      }
      i++;
    }
    return declared;
  }

  private static void earnRules(java.util.List<Violation> out, Seq<EarnRule> rules,
      Map<PointCurrency, ProgramCurrency> declared, Currency spendCurrency) {
    Set<String> codes = HashSet.empty();
    int i = 0;
    for (EarnRule rule : rules) {
      String at = "earnRules[" + i++ + "]";
      if (!isCode(rule.code())) {
        out.add(Violation.of("loyalty.rule.code.malformed", at + ".code",
            "A rule code is a lower-case letter or digit, then up to 63 lower-case letters,"
                + " digits or . _ -, but got " + quote(rule.code())));
      } else if (codes.contains(rule.code())) {
        out.add(Violation.of("loyalty.rule.code.duplicate", at + ".code",
            "Rule code " + rule.code() + " is used more than once"));
      }
      codes = codes.add(rule.code());
      name(out, rule.name(), at + ".name", "loyalty.rule.name", "A rule");
      if (!declared.containsKey(rule.currency())) {
        out.add(Violation.of("loyalty.rule.currency.unknown", at + ".currency",
            "Rule " + rule.code() + " pays in " + rule.currency()
                + ", which the program does not declare"));
      }
      basis(out, rule.basis(), at + ".basis", spendCurrency);
      rule.capPerActivity().filter(cap -> cap < 1).forEach(cap -> out.add(Violation.of(
          "loyalty.rule.cap.not_positive", at + ".capPerActivity",
          "A cap per activity is at least 1 point, not " + cap)));
      rule.capPerDay().filter(cap -> cap < 1).forEach(cap -> out.add(Violation.of(
          "loyalty.rule.cap.not_positive", at + ".capPerDay",
          "A cap per day is at least 1 point, not " + cap)));
      blanks(out, rule.filter().categories(), at + ".filter.categories", "category");
      blanks(out, rule.filter().channels(), at + ".filter.channels", "channel");
    }
  }

  private static void basis(java.util.List<Violation> out, EarnBasis basis, String at,
      Currency spendCurrency) {
    long points;
    if (basis instanceof EarnBasis.PerSpend spend) {
      points = spend.points();
      Money per = spend.per();
      if (!per.currency().equals(spendCurrency)) {
        out.add(Violation.of("loyalty.rule.per.currency_mismatch", at + ".per",
            "A per-spend rule counts spend in " + spendCurrency.getCurrencyCode() + ", not "
                + per.currency().getCurrencyCode()));
      } else if (!per.isPositive()) {
        out.add(Violation.of("loyalty.rule.per.not_positive", at + ".per",
            "A per-spend rule pays for a positive spend, not " + per));
      }
    } else if (basis instanceof EarnBasis.PerUnit unit) {
      points = unit.points();
    } else {
      points = ((EarnBasis.PerEvent) basis).points();
    }
    if (points < 1) {
      out.add(Violation.of("loyalty.rule.points.not_positive", at + ".points",
          "A rule pays at least 1 point, not " + points));
    }
  }

  private static void blanks(java.util.List<Violation> out, Set<String> values, String at,
      String what) {
    if (values.exists(String::isBlank)) {
      out.add(Violation.of("loyalty.rule.filter.blank", at,
          "A filter's " + what + " must not be blank"));
    }
  }

  private static void ladder(java.util.List<Violation> out, TierLadder ladder,
      Map<PointCurrency, ProgramCurrency> declared, Currency spendCurrency, boolean referral) {
    Seq<Tier> tiers = ladder.tiers();
    if (tiers.isEmpty()) {
      out.add(Violation.of("loyalty.tier.ladder.empty", "ladder.tiers",
          "A ladder needs at least one tier: the base tier"));
    }
    Set<String> codes = HashSet.empty();
    // the highest minimum of each threshold kind in the tiers below, to find overlaps
    Map<String, BigDecimal> below = HashMap.empty();
    int i = 0;
    for (Tier tier : tiers) {
      String at = "ladder.tiers[" + i + "]";
      if (!isCode(tier.code())) {
        out.add(Violation.of("loyalty.tier.code.malformed", at + ".code",
            "A tier code is a lower-case letter or digit, then up to 63 lower-case letters,"
                + " digits or . _ -, but got " + quote(tier.code())));
      } else if (codes.contains(tier.code())) {
        out.add(Violation.of("loyalty.tier.code.duplicate", at + ".code",
            "Tier code " + tier.code() + " is used more than once"));
      }
      codes = codes.add(tier.code());
      name(out, tier.name(), at + ".name", "loyalty.tier.name", "A tier");
      if (i == 0 && !tier.anyOf().isEmpty()) {
        out.add(Violation.of("loyalty.tier.base.threshold", at + ".anyOf",
            "The base tier " + tier.code() + " is where every member starts: it has no threshold"));
      } else if (i > 0 && tier.anyOf().isEmpty()) {
        out.add(Violation.of("loyalty.tier.threshold.missing", at + ".anyOf",
            "Tier " + tier.code() + " needs at least one threshold"));
      }
      Map<String, BigDecimal> here = HashMap.empty();
      int j = 0;
      for (TierThreshold threshold : tier.anyOf()) {
        String path = at + ".anyOf[" + j++ + "]";
        Option<BigDecimal> minimum = threshold(out, threshold, path, declared, spendCurrency,
            referral);
        if (minimum.isDefined() && i > 0) {
          String kind = kind(threshold);
          BigDecimal value = minimum.get();
          Option<BigDecimal> lower = below.get(kind);
          if (lower.isDefined() && value.compareTo(lower.get()) <= 0) {
            out.add(Violation.of("loyalty.tier.threshold.overlapping", path + ".minimum",
                "Tier " + tier.code() + " asks for " + value.toPlainString() + " " + kind
                    + ", not more than a lower tier's " + lower.get().toPlainString()
                    + ": thresholds of one kind must rise up the ladder"));
          }
          here = here.put(kind, here.get(kind).map(seen -> seen.max(value)).getOrElse(value));
        }
      }
      for (var entry : here) {
        below = below.put(entry._1, below.get(entry._1).map(entry._2::max).getOrElse(entry._2));
      }
      i++;
    }
    TierWindow window = ladder.window();
    if (window instanceof TierWindow.Rolling rolling
        && (rolling.months() < 1 || rolling.months() > MAX_ROLLING_MONTHS)) {
      out.add(Violation.of("loyalty.tier.window.months.out_of_range", "ladder.window.months",
          "A rolling window is 1 to " + MAX_ROLLING_MONTHS + " months, not " + rolling.months()));
    }
    grace(out, ladder.grace());
    i = 0;
    for (Tier tier : tiers) {
      benefits(out, tier.benefits(), "ladder.tiers[" + i++ + "].benefits");
    }
  }

  /** Names a threshold's kind; thresholds of one kind must rise up the ladder. */
  private static String kind(TierThreshold threshold) {
    if (threshold instanceof TierThreshold.QualifyingPoints points) {
      return "qualifying " + points.currency();
    } else if (threshold instanceof TierThreshold.Spend) {
      return "spend";
    } else if (threshold instanceof TierThreshold.Purchases) {
      return "purchases";
    }
    return "referrals";
  }

  /** Checks one threshold; answers its minimum when it can be compared with other tiers'. */
  private static Option<BigDecimal> threshold(java.util.List<Violation> out,
      TierThreshold threshold, String at, Map<PointCurrency, ProgramCurrency> declared,
      Currency spendCurrency, boolean referral) {
    if (threshold instanceof TierThreshold.QualifyingPoints points) {
      Option<ProgramCurrency> currency = declared.get(points.currency());
      if (currency.isEmpty()) {
        out.add(Violation.of("loyalty.tier.threshold.currency.unknown", at + ".currency",
            "A threshold counts " + points.currency() + ", which the program does not declare"));
      } else if (!currency.get().isQualifying()) {
        out.add(Violation.of("loyalty.tier.threshold.not_qualifying", at + ".currency",
            "A threshold counts " + points.currency() + ", which is not a qualifying currency"));
      }
      return positive(out, points.minimum(), at);
    } else if (threshold instanceof TierThreshold.Spend spend) {
      Money minimum = spend.minimum();
      if (!minimum.currency().equals(spendCurrency)) {
        out.add(Violation.of("loyalty.tier.threshold.currency_mismatch", at + ".minimum",
            "A spend threshold is in " + spendCurrency.getCurrencyCode() + ", not "
                + minimum.currency().getCurrencyCode()));
        return Option.none();
      }
      if (!minimum.isPositive()) {
        out.add(Violation.of("loyalty.tier.threshold.minimum.not_positive", at + ".minimum",
            "A spend threshold is positive, not " + minimum));
        return Option.none();
      }
      return Option.of(minimum.amount());
    } else if (threshold instanceof TierThreshold.Purchases purchases) {
      return positive(out, purchases.minimum(), at);
    }
    if (!referral) {
      out.add(Violation.of("loyalty.tier.threshold.no_referral", at,
          "A referrals threshold needs the program to have a referral rule"));
    }
    return positive(out, ((TierThreshold.Referrals) threshold).minimum(), at);
  }

  private static Option<BigDecimal> positive(java.util.List<Violation> out, long minimum,
      String at) {
    if (minimum < 1) {
      out.add(Violation.of("loyalty.tier.threshold.minimum.not_positive", at + ".minimum",
          "A threshold's minimum is at least 1, not " + minimum));
      return Option.none();
    }
    return Option.of(BigDecimal.valueOf(minimum));
  }

  /**
   * Checks the grace period: no negative part, and never longer than a year from any date. A
   * grace of whole months plus days is accepted when {@code months × 31 + days ≤ 365}, or when it
   * is exactly twelve months; that bound holds from every start date.
   */
  private static void grace(java.util.List<Violation> out, Period grace) {
    if (grace.getYears() < 0 || grace.getMonths() < 0 || grace.getDays() < 0) {
      out.add(Violation.of("loyalty.tier.grace.negative", "ladder.grace",
          "A grace period has no negative part, but got " + grace));
      return;
    }
    long months = grace.toTotalMonths();
    boolean oneYear = months == 12 && grace.getDays() == 0;
    if (!oneYear && months * 31 + grace.getDays() > 365) {
      out.add(Violation.of("loyalty.tier.grace.too_long", "ladder.grace",
          "A grace period is at most one year, but got " + grace));
    }
  }

  private static void benefits(java.util.List<Violation> out, TierBenefits benefits, String at) {
    Percentage discount = benefits.discount();
    if (discount.isNegative() || discount.compareTo(Percentage.ONE_HUNDRED) > 0) {
      out.add(Violation.of("loyalty.tier.discount.out_of_range", at + ".discount",
          "A tier discount is 0 to 100 %, not " + discount));
    }
    BigDecimal multiplier = benefits.pointsMultiplier();
    if (multiplier.compareTo(BigDecimal.ONE) < 0 || multiplier.compareTo(MAX_MULTIPLIER) > 0) {
      out.add(Violation.of("loyalty.tier.multiplier.out_of_range", at + ".pointsMultiplier",
          "A points multiplier is 1 to 100, not " + multiplier.toPlainString()));
    }
    if (benefits.perks().exists(String::isBlank)) {
      out.add(Violation.of("loyalty.tier.perk.blank", at + ".perks", "A perk must not be blank"));
    }
  }

  private static void referral(java.util.List<Violation> out, ReferralRule rule,
      Map<PointCurrency, ProgramCurrency> declared) {
    if (!declared.containsKey(rule.currency())) {
      out.add(Violation.of("loyalty.referral.currency.unknown", "referral.currency",
          "The referral pays in " + rule.currency() + ", which the program does not declare"));
    }
    if (rule.referrerPoints() < 0) {
      out.add(Violation.of("loyalty.referral.points.negative", "referral.referrerPoints",
          "A referral reward is zero or positive, not " + rule.referrerPoints()));
    }
    if (rule.referredPoints() < 0) {
      out.add(Violation.of("loyalty.referral.points.negative", "referral.referredPoints",
          "A referral reward is zero or positive, not " + rule.referredPoints()));
    }
    if (rule.referrerPoints() == 0 && rule.referredPoints() == 0) {
      out.add(Violation.of("loyalty.referral.points.zero", "referral",
          "A referral rewards the referrer, the referred member or both: not both zero"));
    }
  }

  private static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }
}
