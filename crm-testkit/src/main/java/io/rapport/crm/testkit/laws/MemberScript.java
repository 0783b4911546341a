package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.ActivityLine;
import io.rapport.crm.loyalty.EarnActivity;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.LoyaltyRejection;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Pairs a program with what one member does in it, step by step from joining; played through
 * {@link MemberLaws.Member} commands, refused steps leave the account as it was. Immutable and
 * thread-safe.
 *
 * @param program the program
 * @param joinedAt when the member joins
 * @param steps what they do, in order
 */
public record MemberScript(LoyaltyProgram program, Instant joinedAt, Seq<MemberStep> steps) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a step is null
   */
  public MemberScript {
    requireNonNull(program, "program");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(steps, "steps");
    steps.forEach(step -> requireNonNull(step, "steps element"));
  }

  /**
   * Records one step as played: the account before it and what the command answered.
   * Immutable and thread-safe.
   *
   * @param step the step
   * @param at when it was played
   * @param before the account before it
   * @param result the command's answer
   */
  public record Played(MemberStep step, Instant at, LoyaltyAccount before,
      Either<LoyaltyRejection, Transition<LoyaltyAccount>> result) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Played {
      requireNonNull(step, "step");
      requireNonNull(at, "at");
      requireNonNull(before, "before");
      requireNonNull(result, "result");
    }

    /** Returns the account after the step: the new one, or the same if the step was refused. */
    public LoyaltyAccount after() {
      return result.fold(refused -> before, accepted -> accepted.state());
    }
  }

  /** Returns the member's account when they join. */
  public LoyaltyAccount enrolled() {
    return LoyaltyAccount.enroll(LoyaltyAccountId.parse("member-law"), program,
        CustomerId.parse("member-law"), Option.none(), stamp("ms-join", joinedAt)).get().state();
  }

  /**
   * Plays the steps with the given commands.
   *
   * @param member the commands
   * @return every step as played, in order
   * @throws NullPointerException if member is null
   */
  public Seq<Played> play(MemberLaws.Member member) {
    requireNonNull(member, "member");
    LoyaltyAccount account = enrolled();
    Instant at = joinedAt;
    Vector<Played> played = Vector.empty();
    for (int i = 0; i < steps.size(); i++) {
      MemberStep step = steps.get(i);
      at = at.plus(step.after());
      EventStamp stamp = stamp("ms-" + i, at);
      Either<LoyaltyRejection, Transition<LoyaltyAccount>> result;
      if (step instanceof MemberStep.Buy buy) {
        result = member.earn(account, program, purchase(purchaseOf(i), buy, at), stamp);
      } else if (step instanceof MemberStep.Occasion occasion) {
        result = member.earn(account, program, new EarnActivity.EventActivity(
            RecordRef.to(PurchaseId.parse("occasion-" + i)), at, "app", occasion.kind()), stamp);
      } else if (step instanceof MemberStep.Redeem redeem) {
        result = member.redeem(account, program, redeem.currency(), redeem.points(),
            RecordRef.to(PurchaseId.parse("reward-" + i)), stamp);
      } else if (step instanceof MemberStep.Refund refund) {
        result = member.reverse(account, program, RecordRef.to(purchaseOf(refund.purchase())),
            refund.share(), stamp);
      } else {
        result = member.evaluate(account, program, stamp);
      }
      Played one = new Played(step, at, account, result);
      played = played.append(one);
      account = one.after();
    }
    return played;
  }

  /** Returns the account after every step. */
  public LoyaltyAccount replay(MemberLaws.Member member) {
    Seq<Played> played = play(member);
    return played.isEmpty() ? enrolled() : played.last().after();
  }

  /**
   * Returns the purchase activity of a buying step, as {@link #play play} records it.
   *
   * @param id the purchase's id
   * @param buy the step
   * @param at when
   * @return the activity
   */
  public EarnActivity.PurchaseActivity purchase(PurchaseId id, MemberStep.Buy buy, Instant at) {
    return new EarnActivity.PurchaseActivity(RecordRef.to(id), at, buy.channel(), List.of(
        new ActivityLine(ProductId.parse(buy.product()), HashSet.of(buy.category()),
            BigDecimal.valueOf(buy.units()),
            Money.ofMinor(buy.minorUnits(), program.spendCurrency()))));
  }

  static PurchaseId purchaseOf(int step) {
    return PurchaseId.parse("purchase-" + step);
  }

  static EventStamp stamp(String id, Instant at) {
    return EventStamp.of(EventId.parse(id), at, ActorId.parse("member-law"));
  }
}
