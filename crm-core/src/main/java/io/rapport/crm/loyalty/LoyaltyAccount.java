package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.loyalty.EarnActivity.PurchaseActivity;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * Holds a customer's membership of a loyalty program: the points ledger, what their activity
 * counted towards tiers, their tier and its history, and who referred them. Immutable and
 * thread-safe.
 *
 * <p>Commands take the account's {@link LoyaltyProgram} and an {@link EventStamp}, and answer
 * {@code Either<LoyaltyRejection, Transition<LoyaltyAccount>>}; a refused command leaves the
 * account unchanged. Every command first brings the tier up to the stamp's time (evaluations and
 * downgrades due by then), so the stored {@link #tier tier} is always the {@link TierEngine#replay
 * replay} of the history at {@link #updatedAt updatedAt}. The events are {@link LoyaltyEvent}s and
 * the ledger's {@link LedgerEvent}s; a command's first event has its stamp, the others
 * {@code stamp.next(1)}, {@code stamp.next(2)}, …
 *
 * <ul>
 *   <li>{@link #enroll enroll} opens an account in the base tier;</li>
 *   <li>{@link #earn earn} records a purchase or an occasion: its points (one lot per paying
 *       rule, locked for the program's pending days when it is a purchase), what it counts
 *       towards tiers, and an upgrade if it reaches one;</li>
 *   <li>{@link #reverse reverse} takes back a share of an activity (a refund or a return): its
 *       points and tier counts, and the tier it gave;</li>
 *   <li>{@link #redeem redeem}, {@link #reverseRedemption reverseRedemption},
 *       {@link #expire expire} and {@link #adjust adjust} work on the ledger;</li>
 *   <li>{@link #rewardReferral rewardReferral} and {@link #claimReferralReward
 *       claimReferralReward} reward the two sides of a completed referral;</li>
 *   <li>{@link #evaluateTier evaluateTier} applies the evaluations and downgrades due, and
 *       {@link #reviseProgram reviseProgram} re-evaluates the tier under a revised ladder;</li>
 *   <li>{@link #transferTo transferTo} moves the account to another customer (a merge).</li>
 * </ul>
 *
 * @param id the account's id; also the ledger's
 * @param program the program
 * @param customer the member
 * @param joinedAt when they joined; anniversaries count from it
 * @param ledger the points
 * @param qualifying what each activity earned and counted towards tiers, and the reversals,
 *     oldest first
 * @param tier the tier as of {@code updatedAt}
 * @param tierHistory the tier changes, oldest first
 * @param referredBy the account that referred them, or empty
 * @param referralCompletedAt when their referral completed and was rewarded, or empty
 * @param updatedAt when it last changed; not before {@code joinedAt}
 */
public record LoyaltyAccount(LoyaltyAccountId id, LoyaltyProgramId program, CustomerId customer,
    Instant joinedAt, PointsLedger ledger, Seq<QualifyingEntry> qualifying, TierStatus tier,
    Seq<TierChange> tierHistory, Option<LoyaltyAccountId> referredBy,
    Option<Instant> referralCompletedAt, Instant updatedAt)
    implements Aggregate<LoyaltyAccountId> {

  /** The reason written on lots a referral pays. */
  public static final String REFERRAL_REASON = "referral";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken rule: {@code loyalty.account.ledger_id}
   *     (field {@code ledger}), {@code loyalty.account.updated_before_joining} ({@code updatedAt}),
   *     {@code loyalty.account.qualifying_order} ({@code qualifying}: out of time order or before
   *     joining), {@code loyalty.account.tier_history_order} ({@code tierHistory}),
   *     {@code loyalty.account.tier_before_joining} ({@code tier}),
   *     {@code loyalty.account.self_referral} ({@code referredBy}),
   *     {@code loyalty.account.referral_without_referrer} ({@code referralCompletedAt})
   */
  public LoyaltyAccount {
    requireNonNull(id, "id");
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(ledger, "ledger");
    requireNonNull(qualifying, "qualifying");
    requireNonNull(tier, "tier");
    requireNonNull(tierHistory, "tierHistory");
    requireNonNull(referredBy, "referredBy");
    requireNonNull(referralCompletedAt, "referralCompletedAt");
    requireNonNull(updatedAt, "updatedAt");
    qualifying.forEach(value -> requireNonNull(value, "qualifying"));
    tierHistory.forEach(value -> requireNonNull(value, "tierHistory"));
    referredBy.forEach(value -> requireNonNull(value, "referredBy"));
    referralCompletedAt.forEach(value -> requireNonNull(value, "referralCompletedAt"));
    // Held as vectors: every posting appends, which a linked list does in linear time.
    qualifying = qualifying instanceof Vector ? qualifying : Vector.ofAll(qualifying);
    tierHistory = tierHistory instanceof Vector ? tierHistory : Vector.ofAll(tierHistory);
    ArrayList<Violation> problems = new ArrayList<>();
    if (!ledger.id().equals(id)) {
      problems.add(Violation.of("loyalty.account.ledger_id", "ledger",
          "The ledger of account " + id + " belongs to " + ledger.id()));
    }
    if (updatedAt.isBefore(joinedAt)) {
      problems.add(Violation.of("loyalty.account.updated_before_joining", "updatedAt",
          "An account changed at " + updatedAt + " cannot have been joined at " + joinedAt));
    }
    Instant previous = joinedAt;
    for (QualifyingEntry entry : qualifying) {
      if (entry.at().isBefore(previous)) {
        problems.add(Violation.of("loyalty.account.qualifying_order", "qualifying",
            "Qualifying entries run in time order from joining; " + entry.at() + " comes after "
                + previous));
        break;
      }
      previous = entry.at();
    }
    Instant lastChange = Instant.MIN;
    for (TierChange change : tierHistory) {
      if (change.at().isBefore(lastChange)) {
        problems.add(Violation.of("loyalty.account.tier_history_order", "tierHistory",
            "Tier changes run in time order; " + change.at() + " comes after " + lastChange));
        break;
      }
      lastChange = change.at();
    }
    if (tier.since().isBefore(joinedAt)) {
      problems.add(Violation.of("loyalty.account.tier_before_joining", "tier",
          "The tier cannot be held since " + tier.since() + ", before joining at " + joinedAt));
    }
    if (referredBy.contains(id)) {
      problems.add(Violation.of("loyalty.account.self_referral", "referredBy",
          "Account " + id + " cannot refer itself"));
    }
    if (referralCompletedAt.isDefined() && referredBy.isEmpty()) {
      problems.add(Violation.of("loyalty.account.referral_without_referrer",
          "referralCompletedAt", "A referral completed only for a member someone referred"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(List.ofAll(problems));
    }
  }

  /**
   * Opens an account in the program's base tier.
   *
   * @param id the new account's id
   * @param program the program
   * @param customer the member
   * @param referredBy the account that referred them, or empty
   * @param stamp the event's id, the joining time and who enrols them
   * @return the account with {@link LoyaltyEvent.MemberEnrolled}, or
   *     {@code loyalty.referral.self}
   * @throws NullPointerException if an argument or the referrer is null
   */
  public static Either<LoyaltyRejection, Transition<LoyaltyAccount>> enroll(LoyaltyAccountId id,
      LoyaltyProgram program, CustomerId customer, Option<LoyaltyAccountId> referredBy,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    requireNonNull(referredBy, "referredBy");
    requireNonNull(stamp, "stamp");
    referredBy.forEach(value -> requireNonNull(value, "referredBy"));
    if (referredBy.contains(id)) {
      return reject("loyalty.referral.self", "Account " + id + " cannot refer itself");
    }
    Instant at = stamp.at();
    String base = program.ladder().tiers().head().code();
    TierStatus status = new TierStatus(base, at, TierEngine.nextEvaluation(program, at, at),
        Option.none());
    LoyaltyAccount account = new LoyaltyAccount(id, program.id(), customer, at,
        PointsLedger.open(id, program.negativeBalance()), List.empty(), status, List.empty(),
        referredBy, Option.none(), at);
    return Either.right(Transition.of(account, new LoyaltyEvent.MemberEnrolled(stamp, id,
        customer, program.id(), base, referredBy)));
  }

  /**
   * Records a purchase or an occasion: computes what it earns with {@link EarnCalculator} at the
   * member's tier, posts one lot per paying rule (the lot's reason is the rule's code; a
   * purchase's lots are locked for the program's pending days), records what it counts towards
   * tiers, and upgrades the tier if it reaches a higher one.
   *
   * @param program the account's program
   * @param activity the purchase or occasion, not after the stamp's time
   * @param stamp the event's id, the posting time and who posts
   * @return the account with {@link LoyaltyEvent.ActivityRecorded}, the ledger's
   *     {@link LedgerEvent.PointsEarned}s and any tier events; or {@code loyalty.program.mismatch},
   *     {@code loyalty.out_of_order}, {@code loyalty.activity.in_future},
   *     {@code loyalty.activity.already_recorded}, or the calculator's and the ledger's rejections
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> earn(LoyaltyProgram program,
      EarnActivity activity, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(activity, "activity");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (activity.at().isAfter(stamp.at())) {
      return reject("loyalty.activity.in_future", "An activity of " + activity.at()
          + " cannot be posted at " + stamp.at());
    }
    if (recorded(activity.source()).isDefined()) {
      return reject("loyalty.activity.already_recorded", activity.source()
          + " was already recorded");
    }
    String tierNow = stamp.at().isBefore(tier.dueAt()) ? tier.tier()
        : TierEngine.advance(program, joinedAt, qualifying, tier, updatedAt, stamp.at()).status()
            .tier();
    return EarnCalculator.calculate(program, activity, tierNow, earnedOn(program, stamp.at()))
        .flatMap(outcome -> post(program, activity, outcome, stamp));
  }

  private Either<LoyaltyRejection, Transition<LoyaltyAccount>> post(LoyaltyProgram program,
      EarnActivity activity, EarnOutcome outcome, EventStamp stamp) {
    Instant at = stamp.at();
    Events events = new Events(stamp);
    PointsLedger next = ledger;
    Map<PointCurrency, Long> points = LinkedHashMap.empty();
    Option<Instant> lock = activity instanceof PurchaseActivity && program.pendingDays() > 0
        ? Option.of(at.atZone(program.zone()).plusDays(program.pendingDays()).toInstant())
        : Option.none();
    ArrayList<DomainEvent> ledgerEvents = new ArrayList<>();
    for (PointsAward award : outcome.awards()) {
      Option<ProgramCurrency> currency = program.currencies()
          .find(c -> c.currency().equals(award.currency()));
      if (currency.isEmpty()) {
        return reject("loyalty.currency.unknown", "The program has no currency "
            + award.currency());
      }
      Either<LedgerRejection, Transition<PointsLedger>> earned = next.earn(award.currency(),
          award.points(), currency.get().expiry(), program.zone(), lock, activity.source(),
          award.rule(), events.nextStamp());
      if (earned.isLeft()) {
        return Either.left(LoyaltyRejection.of(earned.getLeft()));
      }
      next = earned.get().state();
      ledgerEvents.addAll(earned.get().events().toJavaList());
      points = points.put(award.currency(), points.get(award.currency()).getOrElse(0L)
          + award.points());
    }
    QualifyingEntry entry = new QualifyingEntry(at, activity.source(), points, outcome.spend(),
        outcome.purchases(), 0, false);
    events.first(new LoyaltyEvent.ActivityRecorded(stamp, id, customer, activity.source(),
        outcome, entry));
    events.addAll(ledgerEvents);
    return Either.right(withEntry(program, next, entry, referralCompletedAt, events));
  }

  /**
   * Takes back a share of an activity, as a refund or a return does: the same share of the
   * points it earned in every currency (rounded half up, cumulatively, so that shares adding up
   * to the whole take back exactly what it earned) and of what it counted towards tiers (its
   * purchase once the whole is taken back). The tier is then replayed: an upgrade the activity
   * gave is undone ({@link TierChangeReason#REVERSAL}). Points already spent are handled by the
   * program's {@link NegativeBalancePolicy}.
   *
   * <p>An activity without spend (an occasion) is only reversed whole. The share of a purchase
   * is applied to its spend, rounded half up to the minor unit; the rest of the spend bounds it.
   *
   * @param program the account's program
   * @param source the activity
   * @param share the share of the whole activity this reversal takes back, in (0, 1]
   * @param stamp the event's id, time and actor
   * @return the account with {@link LoyaltyEvent.ActivityReversed}, the ledger's clawback
   *     events and any tier event; or {@code loyalty.program.mismatch}, {@code loyalty.out_of_order},
   *     {@code loyalty.reversal.share_invalid}, {@code loyalty.activity.unknown},
   *     {@code loyalty.activity.already_reversed}, {@code loyalty.reversal.partial_without_spend},
   *     or the ledger's rejections (such as {@code loyalty.negative_balance_refused})
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> reverse(LoyaltyProgram program,
      RecordRef source, BigDecimal share, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(source, "source");
    requireNonNull(share, "share");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
      return reject("loyalty.reversal.share_invalid", "A reversal takes back a share in (0, 1] "
          + "of the activity, not " + share.toPlainString());
    }
    Option<QualifyingEntry> original = recorded(source);
    if (original.isEmpty()) {
      return reject("loyalty.activity.unknown", "No activity " + source + " was recorded");
    }
    QualifyingEntry origin = original.get();
    Seq<QualifyingEntry> reversals = qualifying.filter(e -> e.reversal()
        && e.source().equals(source));
    Money reversedSpend = Money.zero(origin.spend().currency());
    for (QualifyingEntry reversal : reversals) {
      reversedSpend = reversedSpend.minus(reversal.spend());
    }
    boolean hasSpend = origin.spend().isPositive();
    boolean whole;
    Money newReversedSpend;
    if (hasSpend) {
      if (reversedSpend.compareTo(origin.spend()) >= 0) {
        return reject("loyalty.activity.already_reversed", source + " was already reversed");
      }
      Money part = origin.spend().times(share, RoundingMode.HALF_UP);
      Money sum = reversedSpend.plus(part);
      newReversedSpend = sum.compareTo(origin.spend()) > 0 ? origin.spend() : sum;
      whole = newReversedSpend.compareTo(origin.spend()) == 0;
    } else {
      if (!reversals.isEmpty()) {
        return reject("loyalty.activity.already_reversed", source + " was already reversed");
      }
      if (share.compareTo(BigDecimal.ONE) != 0) {
        return reject("loyalty.reversal.partial_without_spend", source
            + " has no spend to take a share of; it is reversed whole");
      }
      newReversedSpend = reversedSpend;
      whole = true;
    }
    Events events = new Events(stamp);
    PointsLedger next = ledger;
    ArrayList<DomainEvent> ledgerEvents = new ArrayList<>();
    Map<PointCurrency, Long> taken = LinkedHashMap.empty();
    boolean anyPoints = false;
    for (var earned : origin.points()) {
      long already = 0;
      for (QualifyingEntry reversal : reversals) {
        already -= reversal.points().get(earned._1).getOrElse(0L);
      }
      long target = whole ? earned._2
          : BigDecimal.valueOf(earned._2).multiply(newReversedSpend.amount())
              .divide(origin.spend().amount(), 0, RoundingMode.HALF_UP).longValueExact();
      long delta = target - already;
      if (delta > 0) {
        anyPoints = true;
        taken = taken.put(earned._1, -delta);
      }
    }
    if (whole && !origin.points().isEmpty()) {
      Either<LedgerRejection, Transition<PointsLedger>> clawed = next.clawBack(source,
          events.nextStamp());
      if (clawed.isLeft()) {
        return Either.left(LoyaltyRejection.of(clawed.getLeft()));
      }
      next = clawed.get().state();
      ledgerEvents.addAll(clawed.get().events().toJavaList());
    } else if (anyPoints) {
      for (var part : taken) {
        Either<LedgerRejection, Transition<PointsLedger>> clawed = next.clawBackPart(source,
            part._1, -part._2, events.nextStamp());
        if (clawed.isLeft()) {
          return Either.left(LoyaltyRejection.of(clawed.getLeft()));
        }
        next = clawed.get().state();
        ledgerEvents.addAll(clawed.get().events().toJavaList());
      }
    }
    QualifyingEntry entry = new QualifyingEntry(stamp.at(), source, taken,
        reversedSpend.minus(newReversedSpend), whole ? -origin.purchases() : 0,
        whole ? -origin.referrals() : 0, true);
    events.first(new LoyaltyEvent.ActivityReversed(stamp, id, customer, source, entry));
    events.addAll(ledgerEvents);
    return Either.right(withReversal(program, next, entry, events));
  }

  /**
   * Redeems points of a redeemable currency, consuming lots in the program's redemption order.
   *
   * @param program the account's program
   * @param currency a redeemable currency of the program
   * @param amount the points, positive, at most what is available
   * @param source what the points pay for, such as a reward order
   * @param stamp the event's id, time and actor
   * @return the account with {@link LedgerEvent.PointsRedeemed} and any tier events; or
   *     {@code loyalty.program.mismatch}, {@code loyalty.out_of_order},
   *     {@code loyalty.currency.not_redeemable}, or the ledger's rejections, such as
   *     {@code loyalty.insufficient_points} with the points available
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> redeem(LoyaltyProgram program,
      PointCurrency currency, long amount, RecordRef source, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(currency, "currency");
    requireNonNull(source, "source");
    requireNonNull(stamp, "stamp");
    return onLedger(program, stamp, () -> {
      if (!program.currencies().exists(c -> c.currency().equals(currency) && c.isRedeemable())) {
        return Either.left(LoyaltyRejection.of("loyalty.currency.not_redeemable", currency
            + " is not a redeemable currency of program " + program.id()));
      }
      return ledger.redeem(currency, amount, program.redemptionOrder(), source, stamp)
          .mapLeft(LoyaltyRejection::of);
    });
  }

  /**
   * Gives back the points a redemption used, as when a reward order is cancelled.
   *
   * @param program the account's program
   * @param source what the redemption paid for
   * @param stamp the event's id, time and actor
   * @return the account with {@link LedgerEvent.RedemptionReversed} and any tier events; or
   *     {@code loyalty.program.mismatch}, {@code loyalty.out_of_order}, or the ledger's rejections
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> reverseRedemption(
      LoyaltyProgram program, RecordRef source, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(source, "source");
    requireNonNull(stamp, "stamp");
    return onLedger(program, stamp,
        () -> ledger.reverseRedemption(source, stamp).mapLeft(LoyaltyRejection::of));
  }

  /**
   * Expires the points whose lots are no longer live at a time.
   *
   * @param program the account's program
   * @param asOf the time, not after the stamp's
   * @param stamp the event's id, time and actor
   * @return the account with {@link LedgerEvent.PointsExpired} if anything expired, and any tier
   *     events; or {@code loyalty.program.mismatch}, {@code loyalty.out_of_order}, or the ledger's
   *     rejections
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> expire(LoyaltyProgram program,
      Instant asOf, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(asOf, "asOf");
    requireNonNull(stamp, "stamp");
    return onLedger(program, stamp,
        () -> ledger.expire(asOf, stamp).mapLeft(LoyaltyRejection::of));
  }

  /**
   * Adds or takes points by hand, with a reason; the stamp's actor is recorded.
   *
   * @param program the account's program
   * @param currency a currency of the program
   * @param amount the points to add (positive) or take (negative)
   * @param reason why, not blank
   * @param stamp the event's id, time and actor
   * @return the account with {@link LedgerEvent.PointsAdjusted} and any tier events; or
   *     {@code loyalty.program.mismatch}, {@code loyalty.out_of_order},
   *     {@code loyalty.currency.unknown}, or the ledger's rejections
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> adjust(LoyaltyProgram program,
      PointCurrency currency, long amount, String reason, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(currency, "currency");
    requireNonNull(reason, "reason");
    requireNonNull(stamp, "stamp");
    return onLedger(program, stamp, () -> {
      if (!program.currencies().exists(c -> c.currency().equals(currency))) {
        return Either.left(LoyaltyRejection.of("loyalty.currency.unknown", "Program "
            + program.id() + " has no currency " + currency));
      }
      return ledger.adjust(currency, amount, reason, stamp).mapLeft(LoyaltyRejection::of);
    });
  }

  /**
   * Rewards this member for a referral that completed: pays the program's referrer points (with
   * the reason {@value #REFERRAL_REASON}) and counts one completed referral towards tiers, which
   * may upgrade them ("invite N friends"). Each referred account rewards its referrer once.
   *
   * @param program the account's program, with a referral rule
   * @param referred the referred member's account
   * @param stamp the event's id, time and actor
   * @return the account with {@link LoyaltyEvent.ReferralCompleted}, any
   *     {@link LedgerEvent.PointsEarned} and tier events; or {@code loyalty.program.mismatch},
   *     {@code loyalty.out_of_order}, {@code loyalty.referral.none} (the program has no referral
   *     rule), {@code loyalty.referral.self}, {@code loyalty.referral.already_completed}
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> rewardReferral(
      LoyaltyProgram program, LoyaltyAccountId referred, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(referred, "referred");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp)
        .orElse(() -> referralRefusal(program));
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (referred.equals(id)) {
      return reject("loyalty.referral.self", "Account " + id + " cannot refer itself");
    }
    RecordRef source = RecordRef.to(referred);
    if (recorded(source).isDefined()) {
      return reject("loyalty.referral.already_completed", "The referral of " + referred
          + " was already rewarded");
    }
    ReferralRule rule = program.referral().get();
    Events events = new Events(stamp);
    Either<LoyaltyRejection, PointsLedger> paid = payReferral(program, rule.currency(),
        rule.referrerPoints(), source, events);
    return paid.map(next -> {
      Map<PointCurrency, Long> points = rule.referrerPoints() > 0
          ? LinkedHashMap.of(rule.currency(), rule.referrerPoints()) : LinkedHashMap.empty();
      QualifyingEntry entry = new QualifyingEntry(stamp.at(), source, points,
          Money.zero(program.spendCurrency()), 0, 1, false);
      events.first(new LoyaltyEvent.ReferralCompleted(stamp, id, customer, id, referred,
          rule.referrerPoints()));
      return withEntry(program, next, entry, referralCompletedAt, events);
    });
  }

  /**
   * Rewards this referred member once their referral completed: pays the program's referred
   * points (with the reason {@value #REFERRAL_REASON}) and records when. It counts no referral
   * towards this member's tier.
   *
   * @param program the account's program, with a referral rule
   * @param stamp the event's id, time and actor
   * @return the account with {@link LoyaltyEvent.ReferralCompleted} and any
   *     {@link LedgerEvent.PointsEarned} and tier events; or {@code loyalty.program.mismatch},
   *     {@code loyalty.out_of_order}, {@code loyalty.referral.none},
   *     {@code loyalty.referral.not_referred}, {@code loyalty.referral.already_completed}
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> claimReferralReward(
      LoyaltyProgram program, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp)
        .orElse(() -> referralRefusal(program));
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (referredBy.isEmpty()) {
      return reject("loyalty.referral.not_referred", "Nobody referred account " + id);
    }
    if (referralCompletedAt.isDefined()) {
      return reject("loyalty.referral.already_completed", "The referral of " + id
          + " was already rewarded");
    }
    ReferralRule rule = program.referral().get();
    Events events = new Events(stamp);
    RecordRef source = RecordRef.to(referredBy.get());
    return payReferral(program, rule.currency(), rule.referredPoints(), source, events)
        .map(next -> {
          events.first(new LoyaltyEvent.ReferralCompleted(stamp, id, customer, referredBy.get(),
              id, rule.referredPoints()));
          return advanced(program, next, Option.of(stamp.at()), events);
        });
  }

  /**
   * Applies the evaluations and downgrades due by the stamp's time: renews a tier the member
   * still qualifies for, gives notice of a downgrade, or downgrades once the grace period ended.
   * A sweep calls it for the accounts whose {@link #tierDueAt tierDueAt} has come.
   *
   * @param program the account's program
   * @param stamp the event's id, time and actor
   * @return the account with any {@link LoyaltyEvent.DowngradeNoticed} and
   *     {@link LoyaltyEvent.TierChanged} (none when the tier was simply renewed or nothing was
   *     due); or {@code loyalty.program.mismatch}, {@code loyalty.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> evaluateTier(
      LoyaltyProgram program, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    Events events = new Events(stamp);
    events.useStampForFirst();
    return Either.right(advanced(program, ledger, referralCompletedAt, events));
  }

  /**
   * Re-evaluates the tier under a revised program: replays the history under the new ladder
   * and, if the tier differs, records a {@link TierChangeReason#PROGRAM_CHANGE} change.
   *
   * @param program the revised program, with the account's program id
   * @param stamp the event's id, time and actor
   * @return the account with any {@link LoyaltyEvent.TierChanged}; or
   *     {@code loyalty.program.mismatch}, {@code loyalty.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> reviseProgram(
      LoyaltyProgram program, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    TierStatus after = TierEngine.replay(program, joinedAt, qualifying, stamp.at()).status();
    Events events = new Events(stamp);
    events.useStampForFirst();
    Seq<TierChange> history = tierHistory;
    if (!after.tier().equals(tier.tier())) {
      TierChange change = new TierChange(tier.tier(), after.tier(), stamp.at(),
          TierChangeReason.PROGRAM_CHANGE);
      history = history.append(change);
      events.add(new LoyaltyEvent.TierChanged(events.nextStamp(), id, customer, program.id(),
          change, benefitsOf(program, after.tier())));
    }
    return Either.right(events.transition(new LoyaltyAccount(id, this.program, customer,
        joinedAt, ledger, qualifying, after, history, referredBy, referralCompletedAt,
        stamp.at())));
  }

  /**
   * Moves the account to another customer, as when its customer is merged into another; the
   * points, the history and the tier go with it.
   *
   * @param program the account's program
   * @param to the customer it now belongs to
   * @param stamp the event's id, time and actor
   * @return the account with {@link LoyaltyEvent.MemberTransferred} and any tier events; or
   *     {@code loyalty.program.mismatch}, {@code loyalty.out_of_order},
   *     {@code loyalty.transfer.same_customer}
   * @throws NullPointerException if an argument is null
   */
  public Either<LoyaltyRejection, Transition<LoyaltyAccount>> transferTo(LoyaltyProgram program,
      CustomerId to, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(to, "to");
    requireNonNull(stamp, "stamp");
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    if (to.equals(customer)) {
      return reject("loyalty.transfer.same_customer", "Account " + id + " already belongs to "
          + to);
    }
    Events events = new Events(stamp);
    events.first(new LoyaltyEvent.MemberTransferred(stamp, id, to, customer));
    LoyaltyAccount moved = new LoyaltyAccount(id, this.program, to, joinedAt, ledger, qualifying,
        tier, tierHistory, referredBy, referralCompletedAt, updatedAt);
    return Either.right(moved.advanced(program, ledger, referralCompletedAt, events));
  }

  /**
   * Returns the member's tier at a time, replayed from the history.
   *
   * @param program the account's program
   * @param asOf the time, not before joining
   * @return the tier status then
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code asOf} is before joining
   */
  public TierStatus tierAt(LoyaltyProgram program, Instant asOf) {
    requireNonNull(program, "program");
    requireNonNull(asOf, "asOf");
    return TierEngine.replay(program, joinedAt, qualifying, asOf).status();
  }

  /**
   * Returns the benefits of the member's current tier.
   *
   * @param program the account's program
   * @return the benefits, {@link TierBenefits#NONE} if the program no longer has the tier
   * @throws NullPointerException if program is null
   */
  public TierBenefits benefits(LoyaltyProgram program) {
    requireNonNull(program, "program");
    return benefitsOf(program, tier.tier());
  }

  /**
   * Tells the member where they stand at a time: what they need for the next tier and to keep
   * theirs, their usable points per currency, and which points expire when.
   *
   * @param program the account's program
   * @param asOf the time, not before the account's last change
   * @return the projection
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code asOf} is before the account's last change
   */
  public MemberProjection projection(LoyaltyProgram program, Instant asOf) {
    requireNonNull(program, "program");
    requireNonNull(asOf, "asOf");
    if (asOf.isBefore(updatedAt)) {
      throw new IllegalArgumentException("A projection looks forward from the account's last "
          + "change at " + updatedAt + ", not from " + asOf);
    }
    TierStatus status = TierEngine.advance(program, joinedAt, qualifying, tier, updatedAt, asOf)
        .status();
    TierProjection projection = TierEngine.project(program, joinedAt, qualifying, status, asOf);
    Map<PointCurrency, Long> available = LinkedHashMap.empty();
    Seq<ExpiringPoints> expiring = List.empty();
    for (ProgramCurrency currency : program.currencies()) {
      available = available.put(currency.currency(), ledger.available(currency.currency(), asOf));
      expiring = expiring.appendAll(ledger.expiring(currency.currency(), asOf, Instant.MAX));
    }
    return new MemberProjection(projection, available,
        expiring.sortBy(ExpiringPoints::expiresAt));
  }

  /**
   * Returns the points of a currency counted at a time (live lots less debt, locked included).
   *
   * @param currency the currency
   * @param asOf the time
   * @return the balance
   * @throws NullPointerException if an argument is null
   */
  public long balance(PointCurrency currency, Instant asOf) {
    return ledger.balance(currency, asOf);
  }

  /**
   * Returns the points of a currency that can be redeemed at a time (not locked).
   *
   * @param currency the currency
   * @param asOf the time
   * @return the available points
   * @throws NullPointerException if an argument is null
   */
  public long available(PointCurrency currency, Instant asOf) {
    return ledger.available(currency, asOf);
  }

  /**
   * Returns this account without free text that may name its member, for the member's erasure:
   * the reasons written on manual adjustments (the journal's {@link LedgerEntry.Adjusted} entries
   * and the lots they opened) become {@link io.rapport.crm.customer.Channel#REDACTED}. Kept for
   * analytics and for every later command: the program, customer id, joining time, every lot's
   * points, source, times and the reasons that name an earning rule or a referral, the journal's
   * amounts, times and actors, debts, qualifying entries, the tier and its history. Redacting a
   * redacted account answers it unchanged.
   *
   * @param at when the redaction happens; the update time moves to it unless later
   * @return the redacted account, or this account if it holds no such text
   * @throws NullPointerException if at is null
   */
  public LoyaltyAccount redacted(Instant at) {
    requireNonNull(at, "at");
    PointsLedger plain = ledger.withoutManualReasons(io.rapport.crm.customer.Channel.REDACTED);
    if (plain == ledger) {
      return this;
    }
    return new LoyaltyAccount(id, program, customer, joinedAt, plain, qualifying, tier,
        tierHistory, referredBy, referralCompletedAt, at.isAfter(updatedAt) ? at : updatedAt);
  }

  /**
   * Returns what the customer timeline shows of the membership: joining and every tier change
   * (never points or amounts), oldest first.
   *
   * @return the timeline entries
   */
  public Seq<io.rapport.crm.customer.TimelineEntry> timelineEntries() {
    RecordRef source = RecordRef.to(id);
    Vector<io.rapport.crm.customer.TimelineEntry> entries = Vector.of(
        new io.rapport.crm.customer.TimelineEntry(joinedAt, source, "loyalty.enrolled",
            "Joined loyalty program " + program, Option.none()));
    for (TierChange change : tierHistory) {
      entries = entries.append(new io.rapport.crm.customer.TimelineEntry(change.at(), source,
          "loyalty.tier_changed", "Loyalty tier " + change.from() + " → " + change.to() + " ("
              + change.reason().name().toLowerCase(java.util.Locale.ROOT) + ")", Option.none()));
    }
    return entries;
  }

  /**
   * Returns when the account's tier next needs evaluating: a pending downgrade or the next
   * evaluation, whichever comes first. Storage indexes accounts by it.
   */
  public Instant tierDueAt() {
    return tier.dueAt();
  }

  /**
   * Returns the earliest expiry among lots that still hold points, or empty if none will expire.
   * Storage indexes accounts by it.
   */
  public Option<Instant> nextExpiry() {
    Instant first = null;
    for (PointsLot lot : ledger.lots()) {
      if (lot.remaining() > 0 && lot.expiresAt().isDefined()) {
        Instant at = lot.expiresAt().get();
        if (first == null || at.isBefore(first)) {
          first = at;
        }
      }
    }
    return Option.of(first);
  }

  private Option<LoyaltyRejection> commandRefusal(LoyaltyProgram program, EventStamp stamp) {
    if (!program.id().equals(this.program)) {
      return Option.of(LoyaltyRejection.of("loyalty.program.mismatch", "Account " + id
          + " belongs to program " + this.program + ", not " + program.id()));
    }
    if (stamp.at().isBefore(updatedAt)) {
      return Option.of(LoyaltyRejection.of("loyalty.out_of_order", "Account " + id
          + " changed at " + updatedAt + "; a command of " + stamp.at() + " comes too late"));
    }
    return Option.none();
  }

  private Option<LoyaltyRejection> referralRefusal(LoyaltyProgram program) {
    return program.referral().isEmpty()
        ? Option.of(LoyaltyRejection.of("loyalty.referral.none", "Program " + program.id()
            + " rewards no referrals"))
        : Option.none();
  }

  private Option<QualifyingEntry> recorded(RecordRef source) {
    return qualifying.find(entry -> !entry.reversal() && entry.source().equals(source));
  }

  private Map<String, Long> earnedOn(LoyaltyProgram program, Instant at) {
    LocalDate day = at.atZone(program.zone()).toLocalDate();
    RecordRef self = RecordRef.to(id);
    Map<String, Long> earned = LinkedHashMap.empty();
    Seq<PointsLot> lots = ledger.lots();
    for (int i = lots.size() - 1; i >= 0; i--) {
      PointsLot lot = lots.get(i);
      LocalDate earnedOn = lot.earnedAt().atZone(program.zone()).toLocalDate();
      if (earnedOn.isBefore(day)) {
        break;
      }
      if (earnedOn.equals(day) && !lot.source().equals(self)) {
        earned = earned.put(lot.reason(), earned.get(lot.reason()).getOrElse(0L) + lot.amount());
      }
    }
    return earned;
  }

  private Either<LoyaltyRejection, PointsLedger> payReferral(LoyaltyProgram program,
      PointCurrency currency, long points, RecordRef source, Events events) {
    if (points < 1) {
      return Either.right(ledger);
    }
    Option<ProgramCurrency> declared = program.currencies()
        .find(c -> c.currency().equals(currency));
    PointsExpiry expiry = declared.map(ProgramCurrency::expiry)
        .getOrElse(new PointsExpiry.Never());
    Either<LedgerRejection, Transition<PointsLedger>> earned = ledger.earn(currency, points,
        expiry, program.zone(), Option.none(), source, REFERRAL_REASON, events.nextStamp());
    if (earned.isLeft()) {
      return Either.left(LoyaltyRejection.of(earned.getLeft()));
    }
    events.addAll(earned.get().events().toJavaList());
    return Either.right(earned.get().state());
  }

  private Either<LoyaltyRejection, Transition<LoyaltyAccount>> onLedger(LoyaltyProgram program,
      EventStamp stamp,
      Supplier<Either<LoyaltyRejection, Transition<PointsLedger>>> command) {
    Option<LoyaltyRejection> refusal = commandRefusal(program, stamp);
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    Either<LoyaltyRejection, Transition<PointsLedger>> result = command.get();
    if (result.isLeft()) {
      return Either.left(result.getLeft());
    }
    Events events = new Events(stamp);
    events.useStampForFirst();
    Seq<DomainEvent> ledgerEvents = result.get().events();
    if (!ledgerEvents.isEmpty()) {
      events.first(ledgerEvents.head());
    }
    return Either.right(advanced(program, result.get().state(), referralCompletedAt, events));
  }

  private Transition<LoyaltyAccount> advanced(LoyaltyProgram program, PointsLedger next,
      Option<Instant> referral, Events events) {
    Instant at = events.stamp.at();
    TierTimeline timeline = TierEngine.advance(program, joinedAt, qualifying, tier, updatedAt,
        at);
    return events.transition(withTimeline(program, next, qualifying, timeline, referral, events,
        at));
  }

  private Transition<LoyaltyAccount> withEntry(LoyaltyProgram program, PointsLedger next,
      QualifyingEntry entry, Option<Instant> referral, Events events) {
    Instant at = events.stamp.at();
    Seq<QualifyingEntry> history = qualifying.append(entry);
    TierTimeline timeline = TierEngine.advance(program, joinedAt, history, tier, updatedAt, at);
    return events.transition(withTimeline(program, next, history, timeline, referral, events,
        at));
  }

  private Transition<LoyaltyAccount> withReversal(LoyaltyProgram program, PointsLedger next,
      QualifyingEntry entry, Events events) {
    Instant at = events.stamp.at();
    TierTimeline before = TierEngine.advance(program, joinedAt, qualifying, tier, updatedAt, at);
    Seq<QualifyingEntry> history = qualifying.append(entry);
    TierStatus after = TierEngine.replay(program, joinedAt, history, at).status();
    Seq<TierChange> changes = before.changes();
    String was = before.status().tier();
    if (!after.tier().equals(was)) {
      changes = changes.append(new TierChange(was, after.tier(), at, TierChangeReason.REVERSAL));
    }
    TierTimeline timeline = new TierTimeline(after, changes, before.notices());
    return events.transition(withTimeline(program, next, history, timeline, referralCompletedAt,
        events, at));
  }

  private LoyaltyAccount withTimeline(LoyaltyProgram program, PointsLedger next,
      Seq<QualifyingEntry> history, TierTimeline timeline, Option<Instant> referral,
      Events events, Instant at) {
    ArrayList<Object> happenings = new ArrayList<>();
    happenings.addAll(timeline.notices().toJavaList());
    happenings.addAll(timeline.changes().toJavaList());
    happenings.sort(java.util.Comparator.comparing(LoyaltyAccount::instantOf));
    String current = tier.tier();
    for (Object happening : happenings) {
      if (happening instanceof TierChange change) {
        events.add(new LoyaltyEvent.TierChanged(events.nextStamp(), id, customer, program.id(),
            change, benefitsOf(program, change.to())));
        current = change.to();
      } else if (happening instanceof TierNotice notice) {
        events.add(new LoyaltyEvent.DowngradeNoticed(events.nextStamp(), id, customer, current,
            notice));
      }
    }
    return new LoyaltyAccount(id, this.program, customer, joinedAt, next, history,
        timeline.status(), tierHistory.appendAll(timeline.changes()), referredBy, referral, at);
  }

  private static Instant instantOf(Object happening) {
    return happening instanceof TierChange change ? change.at()
        : ((TierNotice) happening).evaluatedAt();
  }

  private static TierBenefits benefitsOf(LoyaltyProgram program, String tier) {
    return program.ladder().tiers().find(t -> t.code().equals(tier)).map(Tier::benefits)
        .getOrElse(TierBenefits.NONE);
  }

  private static Either<LoyaltyRejection, Transition<LoyaltyAccount>> reject(String code,
      String message) {
    return Either.left(LoyaltyRejection.of(code, message));
  }

  /** Collects a command's events: the first with the command's stamp, the others derived. */
  private static final class Events {

    private final EventStamp stamp;
    private int derived;
    private boolean stampForFirst;
    private DomainEvent first;
    private final ArrayList<DomainEvent> rest = new ArrayList<>();

    Events(EventStamp stamp) {
      this.stamp = stamp;
    }

    /** Says the first event comes from elsewhere with the command's own stamp. */
    void useStampForFirst() {
      stampForFirst = true;
    }

    EventStamp nextStamp() {
      if (stampForFirst && first == null && rest.isEmpty() && derived == 0) {
        derived = -1;
        return stamp;
      }
      derived = Math.max(derived, 0) + 1;
      return stamp.next(derived);
    }

    void first(DomainEvent event) {
      first = event;
    }

    void add(DomainEvent event) {
      rest.add(event);
    }

    void addAll(java.util.Collection<DomainEvent> events) {
      rest.addAll(events);
    }

    Transition<LoyaltyAccount> transition(LoyaltyAccount account) {
      Seq<DomainEvent> all = first == null ? List.ofAll(rest) : List.of(first).appendAll(rest);
      return new Transition<>(account, all);
    }
  }
}
