package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.loyalty.LoyaltyEvent.DowngradeNoticed;
import io.rapport.crm.loyalty.LoyaltyEvent.TierChanged;
import io.rapport.crm.loyalty.MemberNotice.Kind;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides which {@link MemberNotice}s the host should act on: from a {@link TierChanged} event a
 * {@link MemberNotice.TierUpgraded} or {@link MemberNotice.TierDowngraded} (by the two tiers'
 * places on the program's ladder) and a {@link MemberNotice.ServicePriorityChanged} when the
 * tiers' service priorities differ; from a {@link DowngradeNoticed} event a
 * {@link MemberNotice.DowngradeWarning}; from a ledger, {@link MemberNotice.PointsExpiringSoon}
 * for the points expiring within a horizon. Pure; configured with the kinds of notice to give.
 * Immutable and thread-safe.
 */
public final class TierChangePolicy {

  private final Set<Kind> kinds;
  private final Duration horizon;

  private TierChangePolicy(Set<Kind> kinds, Duration horizon) {
    this.kinds = kinds;
    this.horizon = horizon;
  }

  /**
   * Returns a policy that gives some kinds of notice.
   *
   * @param kinds the kinds to give; others are never given
   * @param horizon how far ahead {@link #expiringSoon expiringSoon} looks, positive
   * @return the policy
   * @throws NullPointerException if an argument or a kind is null
   * @throws InvalidValueException if the horizon is zero or negative
   *     ({@code loyalty.notice.horizon.not_positive})
   */
  public static TierChangePolicy of(Set<Kind> kinds, Duration horizon) {
    requireNonNull(kinds, "kinds");
    requireNonNull(horizon, "horizon");
    kinds.forEach(kind -> requireNonNull(kind, "kinds"));
    if (horizon.isNegative() || horizon.isZero()) {
      throw new InvalidValueException(List.of(Violation.of(
          "loyalty.notice.horizon.not_positive", "horizon",
          "The expiry horizon must be positive, not " + horizon)));
    }
    return new TierChangePolicy(kinds, horizon);
  }

  /**
   * Returns a policy that gives every kind of notice.
   *
   * @param horizon how far ahead {@link #expiringSoon expiringSoon} looks, positive
   * @return the policy
   * @throws NullPointerException if horizon is null
   * @throws InvalidValueException if the horizon is zero or negative
   *     ({@code loyalty.notice.horizon.not_positive})
   */
  public static TierChangePolicy all(Duration horizon) {
    return of(HashSet.of(Kind.values()), horizon);
  }

  /** Returns the kinds of notice the policy gives. */
  public Set<Kind> kinds() {
    return kinds;
  }

  /** Returns how far ahead the policy looks for expiring points. */
  public Duration horizon() {
    return horizon;
  }

  /**
   * Decides the notices for a loyalty event. A {@link TierChanged} to a tier higher on the
   * ladder gives {@link MemberNotice.TierUpgraded}, to a lower one
   * {@link MemberNotice.TierDowngraded} (a tier the revised ladder no longer has counts as
   * below every tier, with {@link TierBenefits#NONE}); either gives
   * {@link MemberNotice.ServicePriorityChanged} when the two tiers' service priorities differ. A
   * {@link DowngradeNoticed} gives {@link MemberNotice.DowngradeWarning}. Other events give
   * nothing; so do kinds the policy was not configured for.
   *
   * @param event the event
   * @param program the member's program, for the ladder's order and the tiers' benefits
   * @return the notices, possibly none
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if a {@link TierChanged} names another program
   *     ({@code loyalty.notice.program_mismatch})
   */
  public Seq<MemberNotice> decide(LoyaltyEvent event, LoyaltyProgram program) {
    requireNonNull(event, "event");
    requireNonNull(program, "program");
    List<MemberNotice> notices = List.empty();
    if (event instanceof TierChanged changed) {
      if (!changed.program().equals(program.id())) {
        throw new InvalidValueException(List.of(Violation.of("loyalty.notice.program_mismatch",
            "program", "The tier change is in program " + changed.program() + ", not "
                + program.id())));
      }
      TierChange change = changed.change();
      Seq<Tier> tiers = program.ladder().tiers();
      int from = tiers.indexWhere(tier -> tier.code().equals(change.from()));
      int to = tiers.indexWhere(tier -> tier.code().equals(change.to()));
      TierBenefits before = from < 0 ? TierBenefits.NONE : tiers.get(from).benefits();
      TierBenefits after = changed.benefits();
      if (to > from) {
        notices = notices.append(new MemberNotice.TierUpgraded(changed.customer(),
            changed.account(), change.from(), change.to(), change.at(), after));
      } else if (to < from) {
        notices = notices.append(new MemberNotice.TierDowngraded(changed.customer(),
            changed.account(), change.from(), change.to(), change.at(), change.reason(), before,
            after));
      }
      if (!before.servicePriority().equals(after.servicePriority())) {
        notices = notices.append(new MemberNotice.ServicePriorityChanged(changed.customer(),
            changed.account(), before.servicePriority(), after.servicePriority(), change.at()));
      }
    } else if (event instanceof DowngradeNoticed noticed) {
      notices = notices.append(new MemberNotice.DowngradeWarning(noticed.customer(),
          noticed.account(), noticed.tier(), noticed.notice().evaluatedAt(),
          noticed.notice().effectiveAt()));
    }
    return notices.filter(notice -> kinds.contains(notice.kind()));
  }

  /**
   * Decides the notices of points expiring soon: for each currency and each instant in
   * {@code [asOf, asOf + horizon)} at which some of the ledger's points expire, one
   * {@link MemberNotice.PointsExpiringSoon} with the points expiring then (pending points
   * included), by currency code and then soonest first. Nothing if the policy does not give
   * {@link Kind#POINTS_EXPIRING_SOON}.
   *
   * @param customer the member
   * @param ledger the member's ledger
   * @param asOf the instant to look ahead from
   * @return the notices, possibly none
   * @throws NullPointerException if an argument is null
   */
  public Seq<MemberNotice> expiringSoon(CustomerId customer, PointsLedger ledger, Instant asOf) {
    requireNonNull(customer, "customer");
    requireNonNull(ledger, "ledger");
    requireNonNull(asOf, "asOf");
    if (!kinds.contains(Kind.POINTS_EXPIRING_SOON)) {
      return List.empty();
    }
    Instant until = asOf.plus(horizon);
    List<MemberNotice> notices = List.empty();
    for (PointCurrency currency : ledger.currencies()) {
      TreeMap<Instant, Long> byInstant = TreeMap.empty();
      for (ExpiringPoints row : ledger.expiring(currency, asOf, until)) {
        byInstant = byInstant.put(row.expiresAt(), row.amount(), Long::sum);
      }
      for (var entry : byInstant) {
        notices = notices.append(new MemberNotice.PointsExpiringSoon(customer, ledger.id(),
            currency, entry._2, entry._1));
      }
    }
    return notices;
  }

  @Override
  public String toString() {
    return "TierChangePolicy[kinds=" + kinds + ", horizon=" + horizon + "]";
  }
}
