package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.EarnActivity;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyEvent;
import io.rapport.crm.loyalty.LoyaltyEventKind;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.LoyaltyRejection;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsAward;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.testkit.Theories;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Checks the laws a loyalty member's account keeps under a program — a team's own program (its
 * earn rules, ladder and policies) as well as generated ones — over generated member scripts of
 * purchases, occasions, redemptions, partial and full refunds and tier evaluations:
 *
 * <ul>
 *   <li>{@link #storedTierIsTheReplay}: after every step the stored tier is the replay of the
 *       history at the account's last change (the tier is a pure function of history and date);
 *   <li>{@link #purchaseAndFullRefundChangeNothing}: a purchase and its full refund leave every
 *       balance, every available amount and the tier as without them;
 *   <li>{@link #balancesWithinPolicy}: no balance is negative unless the program's policy is
 *       {@link NegativeBalancePolicy#ALLOW}, and nothing available exceeds the balance;
 *   <li>{@link #earningIsExplained}: what an activity adds to each currency is exactly the sum
 *       of the awards its {@link LoyaltyEvent.ActivityRecorded} explains.
 * </ul>
 *
 * <p>Each check runs {@link Theories#qt()} and throws an {@link AssertionError} with the smallest
 * falsifying script and the seed.
 */
public final class MemberLaws {

  /**
   * Runs the account commands the laws exercise. Each defaults to {@link LoyaltyAccount}'s own
   * command, so a test overrides only what it replaces.
   */
  public interface Member {

    /**
     * Records an activity, as {@link LoyaltyAccount#earn} does.
     *
     * @param account the account
     * @param program its program
     * @param activity the activity
     * @param stamp the stamp
     * @return the answer
     */
    default Either<LoyaltyRejection, Transition<LoyaltyAccount>> earn(LoyaltyAccount account,
        LoyaltyProgram program, EarnActivity activity, EventStamp stamp) {
      return account.earn(program, activity, stamp);
    }

    /**
     * Takes back a share of an activity, as {@link LoyaltyAccount#reverse} does.
     *
     * @param account the account
     * @param program its program
     * @param source the activity
     * @param share the share
     * @param stamp the stamp
     * @return the answer
     */
    default Either<LoyaltyRejection, Transition<LoyaltyAccount>> reverse(LoyaltyAccount account,
        LoyaltyProgram program, RecordRef source, BigDecimal share, EventStamp stamp) {
      return account.reverse(program, source, share, stamp);
    }

    /**
     * Redeems points, as {@link LoyaltyAccount#redeem} does.
     *
     * @param account the account
     * @param program its program
     * @param currency the currency
     * @param points the points
     * @param source what they pay for
     * @param stamp the stamp
     * @return the answer
     */
    default Either<LoyaltyRejection, Transition<LoyaltyAccount>> redeem(LoyaltyAccount account,
        LoyaltyProgram program, PointCurrency currency, long points, RecordRef source,
        EventStamp stamp) {
      return account.redeem(program, currency, points, source, stamp);
    }

    /**
     * Applies the tier evaluations due, as {@link LoyaltyAccount#evaluateTier} does.
     *
     * @param account the account
     * @param program its program
     * @param stamp the stamp
     * @return the answer
     */
    default Either<LoyaltyRejection, Transition<LoyaltyAccount>> evaluate(LoyaltyAccount account,
        LoyaltyProgram program, EventStamp stamp) {
      return account.evaluateTier(program, stamp);
    }
  }

  /** The library's own account commands. */
  public static final Member STANDARD = new Member() {};

  private static final Instant JOINED = Instant.parse("2026-01-05T02:00:00Z");

  private MemberLaws() {}

  /**
   * Generates scripts of up to 30 steps over about two years for one program: purchases of a
   * few products in the categories and channels its earn rules name (and others), occasions of
   * the kinds its rules pay for, redemptions of its redeemable currencies, partial and full
   * refunds of earlier purchases, and tier evaluations.
   *
   * @param program the program
   * @return the generator
   * @throws NullPointerException if program is null
   */
  public static Gen<MemberScript> scripts(LoyaltyProgram program) {
    requireNonNull(program, "program");
    return SourceDSL.lists().of(SourceDSL.integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(0, 30).map(codes -> decode(program, List.ofAll(codes)));
  }

  /**
   * Generates scripts for generated programs.
   *
   * @param programs the programs
   * @return the generator
   * @throws NullPointerException if programs is null
   */
  public static Gen<MemberScript> scripts(Gen<LoyaltyProgram> programs) {
    requireNonNull(programs, "programs");
    return programs.zip(SourceDSL.lists().of(SourceDSL.integers().between(0, Integer.MAX_VALUE))
        .ofSizeBetween(0, 30), (program, codes) -> decode(program, List.ofAll(codes)));
  }

  /**
   * Checks that after every step the stored tier is the replay of the history at the account's
   * last change.
   *
   * @param scripts the scripts
   * @param member the commands under test
   * @throws AssertionError if a stored tier differs from the replay
   */
  public static void storedTierIsTheReplay(Gen<MemberScript> scripts, Member member) {
    requireNonNull(scripts, "scripts");
    requireNonNull(member, "member");
    Theories.qt().forAll(scripts).checkAssert(script -> {
      for (MemberScript.Played played : script.play(member)) {
        LoyaltyAccount account = played.after();
        assertThat(account.tier()).as("tier after %s", played.step())
            .isEqualTo(account.tierAt(script.program(), account.updatedAt()));
      }
    });
  }

  /**
   * Checks that a purchase and, three days later, its full refund leave every balance, every
   * available amount and the tier as they are without them, on the account a script leaves.
   *
   * @param scripts the scripts
   * @param member the commands under test
   * @throws AssertionError if the refund is refused or something differs
   */
  public static void purchaseAndFullRefundChangeNothing(Gen<MemberScript> scripts,
      Member member) {
    requireNonNull(scripts, "scripts");
    requireNonNull(member, "member");
    Theories.qt().forAll(scripts, SourceDSL.longs().between(1, 2_000_000))
        .checkAssert((script, minor) -> {
          LoyaltyProgram program = script.program();
          LoyaltyAccount before = script.replay(member);
          Instant bought = before.updatedAt().plus(Duration.ofHours(1));
          Instant refunded = bought.plus(Duration.ofDays(3));
          MemberStep.Buy buy = new MemberStep.Buy(Duration.ZERO, "law-product", "law-category",
              "store", 1, minor);
          Either<LoyaltyRejection, Transition<LoyaltyAccount>> earned = member.earn(before,
              program, script.purchase(PurchaseId.parse("law-purchase"), buy, bought),
              MemberScript.stamp("law-buy", bought));
          assertThat(earned.isRight()).as("the purchase: %s", earned).isTrue();
          Either<LoyaltyRejection, Transition<LoyaltyAccount>> reversed = member.reverse(
              earned.get().state(), program, RecordRef.to(PurchaseId.parse("law-purchase")),
              BigDecimal.ONE, MemberScript.stamp("law-refund", refunded));
          assertThat(reversed.isRight()).as("the refund: %s", reversed).isTrue();
          LoyaltyAccount after = reversed.get().state();
          LoyaltyAccount without = member.evaluate(before, program,
              MemberScript.stamp("law-evaluate", refunded)).get().state();
          for (ProgramCurrency currency : program.currencies()) {
            PointCurrency c = currency.currency();
            assertThat(after.balance(c, refunded)).as("%s balance", c)
                .isEqualTo(without.balance(c, refunded));
            assertThat(after.available(c, refunded)).as("%s available", c)
                .isEqualTo(without.available(c, refunded));
          }
          assertThat(after.tier().tier()).as("tier").isEqualTo(without.tier().tier());
        });
  }

  /**
   * Checks that after every step no balance is negative unless the program's policy is
   * {@link NegativeBalancePolicy#ALLOW}, and that the points available never exceed the balance.
   *
   * @param scripts the scripts
   * @param member the commands under test
   * @throws AssertionError if a balance breaks the policy
   */
  public static void balancesWithinPolicy(Gen<MemberScript> scripts, Member member) {
    requireNonNull(scripts, "scripts");
    requireNonNull(member, "member");
    Theories.qt().forAll(scripts).checkAssert(script -> {
      boolean allowed = script.program().negativeBalance() == NegativeBalancePolicy.ALLOW;
      for (MemberScript.Played played : script.play(member)) {
        LoyaltyAccount account = played.after();
        for (ProgramCurrency currency : script.program().currencies()) {
          long balance = account.balance(currency.currency(), played.at());
          if (!allowed) {
            assertThat(balance).as("%s balance after %s", currency.currency(), played.step())
                .isNotNegative();
          }
          assertThat(account.available(currency.currency(), played.at()))
              .as("%s available after %s", currency.currency(), played.step())
              .isLessThanOrEqualTo(balance);
        }
      }
    });
  }

  /**
   * Checks that what every recorded activity adds to each currency (its booked balance, before
   * any expiry) is exactly the sum of the awards its {@link LoyaltyEvent.ActivityRecorded}
   * explains.
   *
   * @param scripts the scripts
   * @param member the commands under test
   * @throws AssertionError if points appear that no award explains, or an award is not paid
   */
  public static void earningIsExplained(Gen<MemberScript> scripts, Member member) {
    requireNonNull(scripts, "scripts");
    requireNonNull(member, "member");
    Theories.qt().forAll(scripts).checkAssert(script -> {
      for (MemberScript.Played played : script.play(member)) {
        if (played.result().isLeft() || !(played.step() instanceof MemberStep.Buy
            || played.step() instanceof MemberStep.Occasion)) {
          continue;
        }
        Seq<PointsAward> awards = played.result().get().events()
            .filter(e -> e instanceof LoyaltyEvent.ActivityRecorded)
            .flatMap(e -> ((LoyaltyEvent.ActivityRecorded) e).outcome().awards());
        for (ProgramCurrency currency : script.program().currencies()) {
          PointCurrency c = currency.currency();
          long explained = awards.filter(a -> a.currency().equals(c))
              .map(PointsAward::points).sum().longValue();
          long added = played.after().ledger().bookedBalance(c)
              - played.before().ledger().bookedBalance(c);
          assertThat(added).as("%s added by %s", c, played.step()).isEqualTo(explained);
        }
      }
    });
  }

  /**
   * Checks every law for one program with the library's own commands.
   *
   * @param program the program
   * @throws AssertionError if a law fails
   * @throws NullPointerException if program is null
   */
  public static void checkAll(LoyaltyProgram program) {
    Gen<MemberScript> scripts = scripts(program);
    storedTierIsTheReplay(scripts, STANDARD);
    purchaseAndFullRefundChangeNothing(scripts, STANDARD);
    balancesWithinPolicy(scripts, STANDARD);
    earningIsExplained(scripts, STANDARD);
  }

  private static MemberScript decode(LoyaltyProgram program, List<Integer> codes) {
    Seq<String> categories = TreeSet.ofAll(program.earnRules()
        .flatMap(rule -> rule.filter().categories())).toList().append("other");
    Seq<String> channels = TreeSet.ofAll(program.earnRules()
        .flatMap(rule -> rule.filter().channels())).toList().append("store");
    Seq<String> products = TreeSet.ofAll(program.earnRules()
        .flatMap(rule -> rule.filter().products().map(p -> p.value()))).toList()
        .appendAll(List.of("product-1", "product-2"));
    Seq<LoyaltyEventKind> kinds = TreeSet.ofAll(program.earnRules()
        .map(rule -> rule.basis())
        .filter(basis -> basis instanceof EarnBasis.PerEvent)
        .map(basis -> ((EarnBasis.PerEvent) basis).kind())).toList()
        .append(LoyaltyEventKind.REVIEW);
    Seq<PointCurrency> redeemable = program.currencies().filter(ProgramCurrency::isRedeemable)
        .map(ProgramCurrency::currency);
    List<MemberStep> steps = List.empty();
    List<Integer> bought = List.empty();
    for (int i = 0; i < codes.size(); i++) {
      int code = codes.get(i);
      Duration after = Duration.ofDays(1 + code % 40).plusSeconds((code / 40) % 3_600);
      int kind = (code / 1_000) % 8;
      int pick = code / 8_000;
      MemberStep step;
      if (kind <= 2) {
        step = new MemberStep.Buy(after, products.get(pick % products.size()),
            categories.get(pick % categories.size()), channels.get(pick % channels.size()),
            1 + pick % 3, 1 + (pick % 500_000));
        bought = bought.append(i);
      } else if (kind == 3) {
        step = new MemberStep.Occasion(after, kinds.get(pick % kinds.size()));
      } else if (kind == 4 && !redeemable.isEmpty()) {
        step = new MemberStep.Redeem(after, redeemable.get(pick % redeemable.size()),
            1 + pick % 2_000);
      } else if ((kind == 5 || kind == 6) && !bought.isEmpty()) {
        BigDecimal share = kind == 6 ? BigDecimal.ONE
            : BigDecimal.valueOf(1 + pick % 99, 2);
        step = new MemberStep.Refund(after, bought.get(pick % bought.size()), share);
      } else {
        step = new MemberStep.Evaluate(after);
      }
      steps = steps.append(step);
    }
    return new MemberScript(program, JOINED, steps);
  }
}
