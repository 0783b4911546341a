package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.loyalty.EarnActivity;
import io.rapport.crm.loyalty.LoyaltyCommand;
import io.rapport.crm.loyalty.PurchaseEarningPolicy;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.PurchaseEvent;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.kernel.Money;
import java.math.MathContext;
import java.math.RoundingMode;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyEventKind;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.LoyaltyRejection;
import io.rapport.crm.loyalty.MemberProjection;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.ProgramDraft;
import io.rapport.crm.loyalty.ReferralRule;
import io.rapport.crm.loyalty.ReferralTrigger;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a loyalty program on a {@link CrmStore}: defines and revises programs, enrols members,
 * records what they earn and what is reversed, redeems, and sweeps the tier evaluations and the
 * point expiries that fall due. Each operation is one transaction: the accounts it changes and
 * their events are saved together or not at all. Thread-safe.
 *
 * <p>A customer has at most one account per program; the desk keeps it so (the storage port
 * does not). Referrals are settled here: when the program's {@link ReferralRule} triggers (the
 * referred member's registration, or their first purchase), the referrer's account is rewarded
 * ({@link LoyaltyAccount#rewardReferral}) and the referred member's too
 * ({@link LoyaltyAccount#claimReferralReward}), in the same transaction.
 */
public final class LoyaltyDesk {

  private static final int PAGE = 500;

  private final CrmStore store;

  private LoyaltyDesk(CrmStore store) {
    this.store = store;
  }

  /**
   * Returns a desk working on a store.
   *
   * @param store the store
   * @return the desk
   * @throws NullPointerException if store is null
   */
  public static LoyaltyDesk of(CrmStore store) {
    requireNonNull(store, "store");
    return new LoyaltyDesk(store);
  }

  /**
   * Defines and stores a new program.
   *
   * @param id the program's id
   * @param draft the configuration
   * @param at when it is defined
   * @return the stored program, or {@code loyalty.program_invalid} with every violation, or a
   *     version conflict if the id is taken
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, Versioned<LoyaltyProgram>> defineProgram(LoyaltyProgramId id,
      ProgramDraft draft, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(at, "at");
    return store.inTransaction(tx -> saveProgram(tx, Version.NEW,
        LoyaltyProgram.define(id, draft, at)));
  }

  /**
   * Revises a stored program. Members' tiers are re-evaluated under the new ladder by
   * {@link #reviseAccounts reviseAccounts}, which the host runs after it.
   *
   * @param id the program
   * @param draft the new configuration
   * @param at when it is revised, not before its last revision
   * @return the stored program, or {@code loyalty.program_not_found},
   *     {@code loyalty.program_invalid} with every violation, or a version conflict
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, Versioned<LoyaltyProgram>> reviseProgram(LoyaltyProgramId id,
      ProgramDraft draft, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(at, "at");
    return store.inTransaction(tx -> {
      Option<Versioned<LoyaltyProgram>> found = LoyaltyProgramRepository.in(tx).find(id);
      if (found.isEmpty()) {
        return programNotFound(id);
      }
      return saveProgram(tx, found.get().version(), found.get().value().revise(draft, at));
    });
  }

  /**
   * Enrols a customer: opens their account in the base tier, pays the program's registration
   * points (rules paying for {@link LoyaltyEventKind#REGISTRATION}), and, when the program
   * rewards referrals on registration, rewards the referrer and the new member.
   *
   * @param id the new account's id
   * @param program the program
   * @param customer the customer, stored and not erased
   * @param referredBy the referrer's account in the same program, or empty
   * @param stamp the event's id, the joining time and who enrols; further events use
   *     {@code stamp.next(n)}
   * @return the stored account, or {@code loyalty.program_not_found},
   *     {@code loyalty.customer_not_found}, {@code loyalty.already_member},
   *     {@code loyalty.account_not_found} (the referrer), {@code loyalty.referrer_elsewhere}
   *     (the referrer belongs to another program), or the account's rejections
   * @throws NullPointerException if an argument or the referrer is null
   */
  public Either<Rejection, Versioned<LoyaltyAccount>> enroll(LoyaltyAccountId id,
      LoyaltyProgramId program, CustomerId customer, Option<LoyaltyAccountId> referredBy,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    requireNonNull(referredBy, "referredBy");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Option<LoyaltyProgram> found = LoyaltyProgramRepository.in(tx).find(program)
          .map(Versioned::value);
      if (found.isEmpty()) {
        return programNotFound(program);
      }
      LoyaltyProgram p = found.get();
      Option<Versioned<Customer>> member = CustomerRepository.in(tx).find(customer);
      if (member.isEmpty() || member.get().value().erasedAt().isDefined()) {
        return Either.left(LoyaltyRefusal.of("loyalty.customer_not_found",
            "No customer " + customer + " is stored"));
      }
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(tx);
      if (accounts.ofProgramAndCustomer(program, customer).isDefined()) {
        return Either.left(LoyaltyRefusal.of("loyalty.already_member",
            "Customer " + customer + " already has an account in program " + program));
      }
      Option<Versioned<LoyaltyAccount>> referrer = Option.none();
      if (referredBy.isDefined()) {
        referrer = accounts.find(referredBy.get());
        if (referrer.isEmpty()) {
          return accountNotFound(referredBy.get());
        }
        if (!referrer.get().value().program().equals(program)) {
          return Either.left(LoyaltyRefusal.of("loyalty.referrer_elsewhere", "Account "
              + referredBy.get() + " belongs to program " + referrer.get().value().program()));
        }
      }
      Stamps stamps = new Stamps(stamp);
      Either<LoyaltyRejection, Transition<LoyaltyAccount>> opened =
          LoyaltyAccount.enroll(id, p, customer, referredBy, stamps.next());
      if (opened.isLeft()) {
        return Either.left(opened.getLeft());
      }
      List<Transition<LoyaltyAccount>> steps = List.of(opened.get());
      LoyaltyAccount account = opened.get().state();
      if (paysFor(p, LoyaltyEventKind.REGISTRATION)) {
        EarnActivity registration = new EarnActivity.EventActivity(RecordRef.to(id), stamp.at(),
            "loyalty", LoyaltyEventKind.REGISTRATION);
        Either<LoyaltyRejection, Transition<LoyaltyAccount>> earned =
            account.earn(p, registration, stamps.next());
        if (earned.isLeft()) {
          return Either.left(earned.getLeft());
        }
        steps = steps.append(earned.get());
        account = earned.get().state();
      }
      if (referrer.isDefined() && triggers(p, ReferralTrigger.REGISTRATION)) {
        Either<Rejection, Transition<LoyaltyAccount>> settled = settleReferral(tx, p,
            referrer.get(), account, stamps);
        if (settled.isLeft()) {
          return Either.left(settled.getLeft());
        }
        account = settled.get().state();
        steps = steps.append(settled.get());
      }
      return saveAccount(tx, Version.NEW, account, steps);
    });
  }

  /**
   * Records a purchase or an occasion on a member's account; a member's first purchase settles
   * their referral when the program rewards referrals on the first purchase.
   *
   * @param program the program
   * @param customer the member
   * @param activity the purchase or occasion
   * @param stamp the event's id, the posting time and who posts; further events use
   *     {@code stamp.next(n)}
   * @return the stored account, or {@code loyalty.program_not_found}, {@code loyalty.not_a_member},
   *     or the account's rejections (such as {@code loyalty.activity.already_recorded})
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, Versioned<LoyaltyAccount>> earn(LoyaltyProgramId program,
      CustomerId customer, EarnActivity activity, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    requireNonNull(activity, "activity");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> earnIn(tx, program, customer, activity, stamp));
  }

  /**
   * Acts on a purchase event as the {@link PurchaseEarningPolicy} decides, in one transaction:
   * the earning event records the purchase on the customer's account (settling their referral
   * if it is their first purchase and the program rewards that), a refund takes back its share.
   * Safe to run again for the same event, as at-least-once delivery does: a purchase already
   * recorded is not recorded twice, and a refund takes back only what the purchase's refunds
   * so far have not yet taken back (computed from the stored purchase, not the event).
   *
   * @param program the program
   * @param event the purchase event
   * @param policy which event earns, and the products' categories
   * @param stamp the event's id, time and actor; further events use {@code stamp.next(n)}
   * @return the stored account if it changed, empty if there was nothing to do (the customer is
   *     not a member, or the event earns nothing or was already applied); or
   *     {@code loyalty.program_not_found}, {@code loyalty.purchase_not_found}, or the account's
   *     rejections
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, Option<Versioned<LoyaltyAccount>>> onPurchase(
      LoyaltyProgramId program, PurchaseEvent event, PurchaseEarningPolicy policy,
      EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(event, "event");
    requireNonNull(policy, "policy");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Option<Purchase> purchase = PurchaseRepository.in(tx).find(event.purchaseId())
          .map(Versioned::value);
      if (purchase.isEmpty()) {
        return Either.left(LoyaltyRefusal.of("loyalty.purchase_not_found",
            "No purchase " + event.purchaseId() + " is stored"));
      }
      Option<Versioned<LoyaltyAccount>> member =
          LoyaltyAccountRepository.in(tx).ofProgramAndCustomer(program, event.customer());
      if (member.isEmpty()) {
        return Either.right(Option.none());
      }
      Seq<LoyaltyCommand> commands = policy.decide(event, purchase.get());
      Option<Versioned<LoyaltyAccount>> changed = Option.none();
      Stamps stamps = new Stamps(stamp);
      for (LoyaltyCommand command : commands) {
        if (command instanceof LoyaltyCommand.Earn earn) {
          Either<Rejection, Versioned<LoyaltyAccount>> done = earnIn(tx, program,
              earn.customer(), earn.activity(), stamps.next());
          if (done.isLeft() && "loyalty.activity.already_recorded".equals(
              done.getLeft().code())) {
            continue;
          }
          if (done.isLeft()) {
            return Either.left(done.getLeft());
          }
          changed = Option.of(done.get());
        } else if (command instanceof LoyaltyCommand.Reverse reverse) {
          Either<Rejection, Option<Versioned<LoyaltyAccount>>> done = reverseRefunds(tx,
              program, reverse.customer(), purchase.get(), stamps.next());
          if (done.isLeft()) {
            return Either.left(done.getLeft());
          }
          changed = done.get().orElse(changed);
        }
      }
      return Either.right(changed);
    });
  }

  /** Takes back what the purchase's refunds so far have not yet taken back, if anything. */
  private Either<Rejection, Option<Versioned<LoyaltyAccount>>> reverseRefunds(Transaction tx,
      LoyaltyProgramId program, CustomerId customer, Purchase purchase, EventStamp stamp) {
    Option<Versioned<LoyaltyAccount>> member =
        LoyaltyAccountRepository.in(tx).ofProgramAndCustomer(program, customer);
    if (member.isEmpty()) {
      return Either.right(Option.none());
    }
    RecordRef source = RecordRef.to(purchase.id());
    LoyaltyAccount account = member.get().value();
    Option<QualifyingEntry> original = account.qualifying()
        .find(e -> !e.reversal() && e.source().equals(source));
    if (original.isEmpty() || !original.get().spend().isPositive()
        || !purchase.total().isPositive()) {
      return Either.right(Option.none());
    }
    Money spend = original.get().spend();
    Money reversed = Money.zero(spend.currency());
    for (QualifyingEntry entry : account.qualifying()) {
      if (entry.reversal() && entry.source().equals(source)) {
        reversed = reversed.minus(entry.spend());
      }
    }
    BigDecimal refunded = purchase.refunded().amount().min(purchase.total().amount());
    Money target = spend.times(refunded.divide(purchase.total().amount(), MathContext.DECIMAL64),
        RoundingMode.HALF_UP);
    Money missing = target.minus(reversed);
    if (!missing.isPositive()) {
      return Either.right(Option.none());
    }
    BigDecimal share = target.compareTo(spend) >= 0 && reversed.isZero() ? BigDecimal.ONE
        : missing.amount().divide(spend.amount(), MathContext.DECIMAL64).min(BigDecimal.ONE);
    return apply(tx, member.get(), (p, a) -> a.reverse(p, source, share, stamp))
        .map(Option::of);
  }

  /**
   * Takes back a share of an activity on a member's account (a refund or a return), with the
   * tier it gave.
   *
   * @param program the program
   * @param customer the member
   * @param source the activity
   * @param share the share of the whole activity taken back, in (0, 1]
   * @param stamp the event's id, time and actor
   * @return the stored account, or {@code loyalty.program_not_found}, {@code loyalty.not_a_member},
   *     or the account's rejections
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, Versioned<LoyaltyAccount>> reverse(LoyaltyProgramId program,
      CustomerId customer, RecordRef source, BigDecimal share, EventStamp stamp) {
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    requireNonNull(source, "source");
    requireNonNull(share, "share");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> onMember(tx, program, customer, stamp,
        (p, a) -> a.reverse(p, source, share, stamp)));
  }

  /**
   * Applies an account command (redeem, adjust, reverse a redemption, expire…) to an account in
   * one transaction, with the account's program.
   *
   * @param id the account
   * @param stamp the event's id, time and actor
   * @param command the command, given the program and the account
   * @return the stored account, or {@code loyalty.account_not_found},
   *     {@code loyalty.program_not_found}, or the command's rejection
   * @throws NullPointerException if an argument or the command's result is null
   */
  public Either<Rejection, Versioned<LoyaltyAccount>> update(LoyaltyAccountId id,
      EventStamp stamp, BiFunction<LoyaltyProgram, LoyaltyAccount,
          ? extends Either<? extends Rejection, Transition<LoyaltyAccount>>> command) {
    requireNonNull(id, "id");
    requireNonNull(stamp, "stamp");
    requireNonNull(command, "command");
    return store.inTransaction(tx -> {
      Option<Versioned<LoyaltyAccount>> found = LoyaltyAccountRepository.in(tx).find(id);
      if (found.isEmpty()) {
        return accountNotFound(id);
      }
      return apply(tx, found.get(), command);
    });
  }

  /**
   * Redeems points on an account.
   *
   * @param id the account
   * @param currency a redeemable currency of its program
   * @param amount the points
   * @param source what they pay for
   * @param stamp the event's id, time and actor
   * @return the stored account, or why not (such as {@code loyalty.insufficient_points} with the
   *     points available)
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, Versioned<LoyaltyAccount>> redeem(LoyaltyAccountId id,
      PointCurrency currency, long amount, RecordRef source, EventStamp stamp) {
    requireNonNull(currency, "currency");
    requireNonNull(source, "source");
    return update(id, stamp, (p, a) -> a.redeem(p, currency, amount, source, stamp));
  }

  /**
   * Tells a member where they stand at a time.
   *
   * @param id the account
   * @param asOf the time, not before the account's last change
   * @return the projection, or {@code loyalty.account_not_found} or
   *     {@code loyalty.program_not_found}
   * @throws NullPointerException if an argument is null
   */
  public Either<Rejection, MemberProjection> projection(LoyaltyAccountId id, Instant asOf) {
    requireNonNull(id, "id");
    requireNonNull(asOf, "asOf");
    return store.inTransaction(tx -> {
      Option<Versioned<LoyaltyAccount>> found = LoyaltyAccountRepository.in(tx).find(id);
      if (found.isEmpty()) {
        return accountNotFound(id);
      }
      LoyaltyAccount account = found.get().value();
      Option<LoyaltyProgram> program = LoyaltyProgramRepository.in(tx).find(account.program())
          .map(Versioned::value);
      if (program.isEmpty()) {
        return programNotFound(account.program());
      }
      Instant at = asOf.isBefore(account.updatedAt()) ? account.updatedAt() : asOf;
      return Either.right(account.projection(program.get(), at));
    });
  }

  /**
   * Applies the tier evaluations and downgrades due up to a time: every account whose
   * {@link LoyaltyAccount#tierDueAt tierDueAt} is at or before {@code asOf}, each in its own
   * transaction.
   *
   * @param asOf the time
   * @param stamps a new stamp per account, at or after {@code asOf}
   * @return what the sweep did
   * @throws NullPointerException if an argument is null
   */
  public LoyaltySweep evaluateTiersDue(Instant asOf, Supplier<EventStamp> stamps) {
    requireNonNull(asOf, "asOf");
    requireNonNull(stamps, "stamps");
    return sweep(asOf, stamps, after -> LoyaltyAccountRepository.in(store)
        .tierDueBefore(asOf.plusNanos(1), after, PAGE), (p, a, s) -> a.evaluateTier(p, s));
  }

  /**
   * Expires the points that fall due up to a time: every account whose
   * {@link LoyaltyAccount#nextExpiry nextExpiry} is at or before {@code asOf}, each in its own
   * transaction.
   *
   * @param asOf the time
   * @param stamps a new stamp per account, at or after {@code asOf}
   * @return what the sweep did
   * @throws NullPointerException if an argument is null
   */
  public LoyaltySweep expireDue(Instant asOf, Supplier<EventStamp> stamps) {
    requireNonNull(asOf, "asOf");
    requireNonNull(stamps, "stamps");
    return sweep(asOf, stamps, after -> LoyaltyAccountRepository.in(store)
        .pointsExpiringBefore(asOf.plusNanos(1), after, PAGE), (p, a, s) -> a.expire(p, asOf, s));
  }

  /**
   * Re-evaluates every member's tier under their program's current ladder, after
   * {@link #reviseProgram reviseProgram}, each in its own transaction.
   *
   * @param program the program
   * @param stamps a new stamp per account
   * @return what the sweep did
   * @throws NullPointerException if an argument is null
   */
  public LoyaltySweep reviseAccounts(LoyaltyProgramId program, Supplier<EventStamp> stamps) {
    requireNonNull(program, "program");
    requireNonNull(stamps, "stamps");
    Instant[] last = {Instant.MIN};
    LoyaltySweep done = sweep(Instant.MIN, () -> {
      EventStamp stamp = stamps.get();
      last[0] = stamp.at();
      return stamp;
    }, after -> LoyaltyAccountRepository.in(store).ofProgram(program, after, PAGE),
        (p, a, s) -> a.reviseProgram(p, s));
    return new LoyaltySweep(last[0], done.processed(), done.changed(), done.events(),
        done.failures());
  }

  private LoyaltySweep sweep(Instant asOf, Supplier<EventStamp> stamps,
      Function<Option<IndexCursor>, Page<Versioned<LoyaltyAccount>, IndexCursor>> pages,
      SweepCommand command) {
    List<LoyaltyAccountId> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<LoyaltyAccount>, IndexCursor> page = pages.apply(after);
      ids = ids.appendAll(page.items().map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    int changed = 0;
    int events = 0;
    Map<LoyaltyAccountId, Rejection> failures = LinkedHashMap.empty();
    for (LoyaltyAccountId id : ids) {
      EventStamp stamp = requireNonNull(stamps.get(), "stamp");
      int[] raised = {0};
      Either<Rejection, Versioned<LoyaltyAccount>> done = update(id, stamp, (p, a) ->
          command.apply(p, a, stamp).map(t -> {
            raised[0] = t.events().size();
            return t;
          }));
      if (done.isLeft()) {
        failures = failures.put(id, done.getLeft());
      } else {
        changed++;
        events += raised[0];
      }
    }
    return new LoyaltySweep(asOf, ids.size(), changed, events, failures);
  }

  private Either<Rejection, Versioned<LoyaltyAccount>> earnIn(Transaction tx,
      LoyaltyProgramId program, CustomerId customer, EarnActivity activity, EventStamp stamp) {
    Option<LoyaltyProgram> found = LoyaltyProgramRepository.in(tx).find(program)
        .map(Versioned::value);
    if (found.isEmpty()) {
      return programNotFound(program);
    }
    LoyaltyProgram p = found.get();
    Option<Versioned<LoyaltyAccount>> member =
        LoyaltyAccountRepository.in(tx).ofProgramAndCustomer(program, customer);
    if (member.isEmpty()) {
      return notAMember(program, customer);
    }
    LoyaltyAccount account = member.get().value();
    boolean firstPurchase = activity instanceof EarnActivity.PurchaseActivity
        && !account.qualifying().exists(e -> !e.reversal() && e.purchases() > 0);
    Stamps stamps = new Stamps(stamp);
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> earned =
        account.earn(p, activity, stamps.next());
    if (earned.isLeft()) {
      return Either.left(earned.getLeft());
    }
    List<Transition<LoyaltyAccount>> steps = List.of(earned.get());
    LoyaltyAccount next = earned.get().state();
    if (firstPurchase && next.referredBy().isDefined() && next.referralCompletedAt().isEmpty()
        && triggers(p, ReferralTrigger.FIRST_PURCHASE)) {
      Option<Versioned<LoyaltyAccount>> referrer =
          LoyaltyAccountRepository.in(tx).find(next.referredBy().get());
      if (referrer.isDefined()) {
        Either<Rejection, Transition<LoyaltyAccount>> settled = settleReferral(tx, p,
            referrer.get(), next, stamps);
        if (settled.isLeft()) {
          return Either.left(settled.getLeft());
        }
        next = settled.get().state();
        steps = steps.append(settled.get());
      }
    }
    return saveAccount(tx, member.get().version(), next, steps);
  }

  /** Rewards the referrer (saved here) and answers the referred member's reward, unsaved. */
  private Either<Rejection, Transition<LoyaltyAccount>> settleReferral(Transaction tx, LoyaltyProgram program,
      Versioned<LoyaltyAccount> referrer, LoyaltyAccount referred, Stamps stamps) {
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> rewarded =
        referrer.value().rewardReferral(program, referred.id(), stamps.next());
    if (rewarded.isLeft()) {
      return Either.left(rewarded.getLeft());
    }
    Either<Rejection, Versioned<LoyaltyAccount>> saved = saveAccount(tx,
        referrer.version(), rewarded.get().state(), List.of(rewarded.get()));
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> claimed =
        referred.claimReferralReward(program, stamps.next());
    if (claimed.isLeft()) {
      return Either.left(claimed.getLeft());
    }
    return Either.right(claimed.get());
  }

  private Either<Rejection, Versioned<LoyaltyAccount>> onMember(Transaction tx,
      LoyaltyProgramId program, CustomerId customer, EventStamp stamp,
      BiFunction<LoyaltyProgram, LoyaltyAccount,
          ? extends Either<? extends Rejection, Transition<LoyaltyAccount>>> command) {
    Option<Versioned<LoyaltyAccount>> member =
        LoyaltyAccountRepository.in(tx).ofProgramAndCustomer(program, customer);
    if (member.isEmpty()) {
      return notAMember(program, customer);
    }
    return apply(tx, member.get(), command);
  }

  private Either<Rejection, Versioned<LoyaltyAccount>> apply(Transaction tx,
      Versioned<LoyaltyAccount> stored, BiFunction<LoyaltyProgram, LoyaltyAccount,
          ? extends Either<? extends Rejection, Transition<LoyaltyAccount>>> command) {
    LoyaltyAccount account = stored.value();
    Option<LoyaltyProgram> program = LoyaltyProgramRepository.in(tx).find(account.program())
        .map(Versioned::value);
    if (program.isEmpty()) {
      return programNotFound(account.program());
    }
    Either<? extends Rejection, Transition<LoyaltyAccount>> done =
        requireNonNull(command.apply(program.get(), account), "command result");
    if (done.isLeft()) {
      return Either.left(done.getLeft());
    }
    return saveAccount(tx, stored.version(), done.get().state(), List.of(done.get()));
  }

  private static Either<Rejection, Versioned<LoyaltyAccount>> saveAccount(Transaction tx,
      Version expected, LoyaltyAccount account, Seq<Transition<LoyaltyAccount>> steps) {
    Either<VersionConflict, Version> saved = LoyaltyAccountRepository.in(tx).save(account,
        expected);
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    steps.forEach(step -> tx.publish(step.events()));
    return Either.right(new Versioned<>(account, saved.get()));
  }

  private static Either<Rejection, Versioned<LoyaltyProgram>> saveProgram(Transaction tx,
      Version expected, Validation<Seq<Violation>, LoyaltyProgram> program) {
    if (program.isInvalid()) {
      return Either.left(new LoyaltyRefusal("loyalty.program_invalid", "The program has "
          + program.getError().size() + " problem(s)", program.getError()));
    }
    Either<VersionConflict, Version> saved = LoyaltyProgramRepository.in(tx).save(program.get(),
        expected);
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    return Either.right(new Versioned<>(program.get(), saved.get()));
  }

  private static boolean paysFor(LoyaltyProgram program, LoyaltyEventKind kind) {
    return program.earnRules().exists(rule -> rule.basis() instanceof EarnBasis.PerEvent event
        && event.kind().equals(kind));
  }

  private static boolean triggers(LoyaltyProgram program, ReferralTrigger trigger) {
    return program.referral().exists(rule -> rule.trigger() == trigger);
  }

  private static <T> Either<Rejection, T> programNotFound(LoyaltyProgramId id) {
    return Either.left(LoyaltyRefusal.of("loyalty.program_not_found",
        "No loyalty program " + id + " is stored"));
  }

  private static <T> Either<Rejection, T> accountNotFound(LoyaltyAccountId id) {
    return Either.left(LoyaltyRefusal.of("loyalty.account_not_found",
        "No loyalty account " + id + " is stored"));
  }

  private static <T> Either<Rejection, T> notAMember(LoyaltyProgramId program,
      CustomerId customer) {
    return Either.left(LoyaltyRefusal.of("loyalty.not_a_member",
        "Customer " + customer + " has no account in program " + program));
  }

  /** Runs a command of a sweep on one account. */
  @FunctionalInterface
  private interface SweepCommand {
    Either<LoyaltyRejection, Transition<LoyaltyAccount>> apply(LoyaltyProgram program,
        LoyaltyAccount account, EventStamp stamp);
  }

  /** Hands out a command's stamp, then its derived stamps. */
  private static final class Stamps {

    private final EventStamp stamp;
    private int used;

    Stamps(EventStamp stamp) {
      this.stamp = stamp;
    }

    EventStamp next() {
      used++;
      return used == 1 ? stamp : stamp.next(100 * (used - 1));
    }
  }
}
