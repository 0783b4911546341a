package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.loyalty.PurchaseEarningPolicy;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.PurchaseDraft;
import io.rapport.crm.sales.PurchaseEvent;
import io.rapport.crm.loyalty.ActivityLine;
import io.rapport.crm.loyalty.CurrencyRole;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.EarnActivity.PurchaseActivity;
import io.rapport.crm.loyalty.EarnBasis;
import io.rapport.crm.loyalty.EarnFilter;
import io.rapport.crm.loyalty.EarnRule;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyEvent;
import io.rapport.crm.loyalty.LoyaltyEventKind;
import io.rapport.crm.loyalty.NegativeBalancePolicy;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsExpiry;
import io.rapport.crm.loyalty.ProgramCurrency;
import io.rapport.crm.loyalty.ProgramDraft;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.rapport.crm.loyalty.ReferralRule;
import io.rapport.crm.loyalty.ReferralTrigger;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.host.CrmServices;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyDesk;
import io.rapport.crm.persistence.loyalty.LoyaltyRefusal;
import io.rapport.crm.persistence.loyalty.LoyaltyStandings;
import io.rapport.crm.persistence.loyalty.LoyaltySweep;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.service.CustomerStandings;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The loyalty desk over a store: enrolment with registration points, referrals settled on the
 * first purchase, refunds, and the tier and expiry sweeps.
 */
class LoyaltyDeskTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final PointCurrency POINTS = PointCurrency.of("points");
  private static final PointCurrency CREDITS = PointCurrency.of("credits");
  private static final LoyaltyProgramId CLUB = LoyaltyProgramId.parse("P-club");
  private static final CustomerId LI = CustomerId.parse("C-li");
  private static final CustomerId WANG = CustomerId.parse("C-wang");
  private static final LoyaltyAccountId LI_ACCOUNT = LoyaltyAccountId.parse("A-li");
  private static final LoyaltyAccountId WANG_ACCOUNT = LoyaltyAccountId.parse("A-wang");
  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  private static final Instant WANG_JOINS = Instant.parse("2026-05-01T01:00:00Z");
  private static final AtomicInteger EVENTS = new AtomicInteger();

  private static EventStamp at(Instant when) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.addAndGet(10)), when,
        ActorId.parse("employee:E-1"));
  }

  private static Instant day(String date) {
    return Instant.parse(date + "T04:00:00Z");
  }

  private static Supplier<EventStamp> stamps(Instant when) {
    return () -> at(when);
  }

  static ProgramDraft draft() {
    Money one = Money.of("1.00", CNY);
    return new ProgramDraft("Rosewood Club", SHANGHAI, CNY, List.of(
        new ProgramCurrency(POINTS, HashSet.of(CurrencyRole.REDEEMABLE),
            new PointsExpiry.EndOfYear()),
        new ProgramCurrency(CREDITS, HashSet.of(CurrencyRole.QUALIFYING),
            new PointsExpiry.Never())),
        List.of(
            new EarnRule("spend-points", "1 point per yuan", POINTS,
                new EarnBasis.PerSpend(1, one, RoundingMode.DOWN), EarnFilter.ANY, true,
                Option.none(), Option.none(), Option.none()),
            new EarnRule("spend-credits", "1 credit per yuan", CREDITS,
                new EarnBasis.PerSpend(1, one, RoundingMode.DOWN), EarnFilter.ANY, false,
                Option.none(), Option.none(), Option.none()),
            new EarnRule("welcome", "100 points to join", POINTS,
                new EarnBasis.PerEvent(LoyaltyEventKind.REGISTRATION, 100), EarnFilter.ANY,
                false, Option.none(), Option.none(), Option.none())),
        new TierLadder(List.of(
            new Tier("member", "Member", List.empty(), TierBenefits.NONE),
            new Tier("gold", "Gold", List.of(new TierThreshold.QualifyingPoints(CREDITS, 5_000)),
                new TierBenefits(Percentage.ofPercent(10), BigDecimal.ONE,
                    Option.of(Priority.HIGH), HashSet.empty()))),
            new TierWindow.CalendarYear(), Period.ofMonths(1), DowngradePolicy.ONE_LEVEL),
        Option.of(new ReferralRule(ReferralTrigger.FIRST_PURCHASE, POINTS, 500, 200)),
        RedemptionOrder.OLDEST_FIRST, NegativeBalancePolicy.FORFEIT, 0);
  }

  private static CrmStore store() {
    CrmStore store = InMemoryCrmStore.create();
    CustomerRepository customers = CustomerRepository.in(store);
    customers.save(customer(LI, "李伟"), Version.NEW);
    customers.save(customer(WANG, "王芳"), Version.NEW);
    return store;
  }

  private static Customer customer(CustomerId id, String name) {
    return Customer.register(id, CustomerDraft.person(name), CustomerRules.standard("CN"),
        at(T0)).get().state();
  }

  private static LoyaltyDesk desk(CrmStore store) {
    LoyaltyDesk desk = LoyaltyDesk.of(store);
    assertThat(desk.defineProgram(CLUB, draft(), T0).isRight()).isTrue();
    return desk;
  }

  private static PurchaseActivity purchase(String id, String amount, Instant when) {
    return new PurchaseActivity(RecordRef.to(PurchaseId.parse(id)), when, "store",
        List.of(new ActivityLine(ProductId.parse("chair"), HashSet.of("furniture"),
            BigDecimal.ONE, Money.of(amount, CNY))));
  }

  private static LoyaltyAccount ok(Either<Rejection, Versioned<LoyaltyAccount>> result) {
    assertThat(result.isRight()).as("%s", result).isTrue();
    return result.get().value();
  }

  @Test
  void enrolmentPaysTheRegistrationPointsOnceAMember() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    LoyaltyAccount account = ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    assertThat(account.balance(POINTS, T0)).isEqualTo(100);
    assertThat(account.tier().tier()).isEqualTo("member");
    assertThat(desk.enroll(LoyaltyAccountId.parse("A-li-2"), CLUB, LI, Option.none(), at(T0))
        .getLeft().code()).isEqualTo("loyalty.already_member");
    assertThat(desk.enroll(LoyaltyAccountId.parse("A-x"), CLUB, CustomerId.parse("C-x"),
        Option.none(), at(T0)).getLeft().code()).isEqualTo("loyalty.customer_not_found");
    assertThat(desk.enroll(LoyaltyAccountId.parse("A-x"), LoyaltyProgramId.parse("P-x"), WANG,
        Option.none(), at(T0)).getLeft().code()).isEqualTo("loyalty.program_not_found");
    assertThat(LoyaltyAccountRepository.in(store).find(LoyaltyAccountId.parse("A-x")))
        .isEmpty();
  }

  @Test
  void aReferredMembersFirstPurchaseRewardsBothSidesOnce() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    ok(desk.enroll(WANG_ACCOUNT, CLUB, WANG, Option.of(LI_ACCOUNT), at(T0)));
    Instant first = day("2026-04-01");
    LoyaltyAccount wang = ok(desk.earn(CLUB, WANG, purchase("p-1", "300.00", first), at(first)));
    assertThat(wang.balance(POINTS, first)).isEqualTo(100 + 300 + 200);
    assertThat(wang.referralCompletedAt()).contains(first);
    LoyaltyAccount li = LoyaltyAccountRepository.in(store).find(LI_ACCOUNT).get().value();
    assertThat(li.balance(POINTS, first)).isEqualTo(100 + 500);
    Instant second = day("2026-04-02");
    ok(desk.earn(CLUB, WANG, purchase("p-2", "10.00", second), at(second)));
    assertThat(LoyaltyAccountRepository.in(store).find(LI_ACCOUNT).get().value()
        .balance(POINTS, second)).isEqualTo(600);
    assertThat(store.pendingEvents().map(e -> e.event())
        .filter(e -> e instanceof LoyaltyEvent.ReferralCompleted)).hasSize(2);
  }

  @Test
  void aRefundTakesBackThePointsAndTheTier() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    Instant when = day("2026-04-01");
    assertThat(ok(desk.earn(CLUB, LI, purchase("p-1", "6000.00", when), at(when))).tier().tier())
        .isEqualTo("gold");
    assertThat(store.inTransaction(tx -> Either.right(
        LoyaltyStandings.of(CLUB, CustomerStandings.none()).of(tx, LI).tier())).get())
        .contains("gold");
    assertThat(store.inTransaction(tx -> Either.right(LoyaltyStandings.benefits(tx, CLUB, LI)))
        .get().flatMap(b -> b.servicePriority())).contains(Priority.HIGH);
    LoyaltyAccount refunded = ok(desk.reverse(CLUB, LI, RecordRef.to(PurchaseId.parse("p-1")),
        BigDecimal.ONE, at(day("2026-04-05"))));
    assertThat(refunded.tier().tier()).isEqualTo("member");
    assertThat(refunded.balance(POINTS, day("2026-04-05"))).isEqualTo(100);
    assertThat(desk.reverse(CLUB, WANG, RecordRef.to(PurchaseId.parse("p-1")), BigDecimal.ONE,
        at(day("2026-04-06"))).getLeft().code()).isEqualTo("loyalty.not_a_member");
  }

  @Test
  void theTierSweepGivesNoticeThenDowngradesAfterTheGrace() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    ok(desk.earn(CLUB, LI, purchase("p-1", "6000.00", day("2026-04-01")),
        at(day("2026-04-01"))));
    LoyaltySweep renewal = desk.evaluateTiersDue(day("2027-01-02"), stamps(day("2027-01-02")));
    assertThat(renewal.processed()).isEqualTo(1);
    assertThat(renewal.events()).isZero();
    LoyaltySweep notice = desk.evaluateTiersDue(day("2028-01-02"), stamps(day("2028-01-02")));
    assertThat(notice.events()).isEqualTo(1);
    LoyaltySweep nothingDue = desk.evaluateTiersDue(day("2028-01-20"),
        stamps(day("2028-01-20")));
    assertThat(nothingDue.processed()).isZero();
    LoyaltySweep downgrade = desk.evaluateTiersDue(day("2028-02-02"), stamps(day("2028-02-02")));
    assertThat(downgrade.processed()).isEqualTo(1);
    assertThat(downgrade.failures()).isEmpty();
    LoyaltyAccount li = LoyaltyAccountRepository.in(store).find(LI_ACCOUNT).get().value();
    assertThat(li.tier().tier()).isEqualTo("member");
  }

  @Test
  void theExpirySweepExpiresThePointsDueAndOnlyThose() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    ok(desk.enroll(WANG_ACCOUNT, CLUB, WANG, Option.none(), at(day("2027-01-05"))));
    LoyaltySweep sweep = desk.expireDue(day("2027-01-02"), stamps(day("2027-01-02")));
    assertThat(sweep.processed()).isEqualTo(1);
    LoyaltyAccount li = LoyaltyAccountRepository.in(store).find(LI_ACCOUNT).get().value();
    assertThat(li.balance(POINTS, day("2027-01-02"))).isZero();
    assertThat(li.nextExpiry()).isEmpty();
    assertThat(desk.expireDue(day("2027-01-03"), stamps(day("2027-01-03"))).processed())
        .isZero();
  }

  @Test
  void redeemingTooMuchIsRefusedWithTheAvailablePointsAndNothingChanges() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    Either<Rejection, Versioned<LoyaltyAccount>> refused = desk.redeem(LI_ACCOUNT, POINTS, 101,
        RecordRef.to(PurchaseId.parse("reward-1")), at(day("2026-04-01")));
    assertThat(refused.getLeft().code()).isEqualTo("loyalty.insufficient_points");
    assertThat(refused.getLeft().message()).contains("100");
    assertThat(LoyaltyAccountRepository.in(store).find(LI_ACCOUNT).get().value().updatedAt())
        .isEqualTo(T0);
  }

  @Test
  void anInconsistentProgramIsRefusedWithEveryViolation() {
    LoyaltyDesk desk = LoyaltyDesk.of(store());
    ProgramDraft good = draft();
    ProgramDraft bad = new ProgramDraft(" ", good.zone(), good.spendCurrency(),
        good.currencies(), good.earnRules().append(new EarnRule("stars", "Stars",
            PointCurrency.of("stars"), new EarnBasis.PerUnit(1), EarnFilter.ANY, false,
            Option.none(), Option.none(), Option.none())), good.ladder(), good.referral(),
        good.redemptionOrder(), good.negativeBalance(), good.pendingDays());
    Either<Rejection, ?> refused = desk.defineProgram(CLUB, bad, T0);
    assertThat(refused.getLeft().code()).isEqualTo("loyalty.program_invalid");
    assertThat(((LoyaltyRefusal) refused.getLeft()).violations()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void purchaseEventsEarnAndRefundsTakeBackTheirShareOnceEvenWhenDeliveredTwice() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(T0)));
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(PurchaseEarningPolicy.EarnOn.RECORDED,
        product -> HashSet.of("furniture"));
    Instant bought = day("2026-04-01");
    Transition<Purchase> recorded = Purchase.record(PurchaseId.parse("P-1"),
        PurchaseDraft.forCustomer(LI.value()).channel("store")
            .line(new LineItem(ProductId.parse("P-cabinet"), Option.none(), Quantity.pieces(1),
                UnitPrice.of(Money.of("6000.00", CNY), QuantityUnit.PIECE), Percentage.ZERO))
            .terms(PaymentTerms.PREPAID), at(bought)).get();
    PurchaseRepository.in(store).save(recorded.state(), Version.NEW);
    PurchaseEvent event = (PurchaseEvent) recorded.events().head();

    Option<Versioned<LoyaltyAccount>> earned = desk.onPurchase(CLUB, event, policy, at(bought))
        .get();
    assertThat(earned.get().value().tier().tier()).isEqualTo("gold");
    assertThat(desk.onPurchase(CLUB, event, policy, at(bought)).get()).isEmpty();

    Instant refundedAt = day("2026-04-03");
    Purchase paid = recorded.state().recordPayment(Money.of("6000.00", CNY), Option.none(),
        at(bought)).get().state();
    Transition<Purchase> refund = paid.refund(Money.of("3000.00", CNY), Option.none(),
        at(refundedAt)).get();
    Versioned<Purchase> stored = PurchaseRepository.in(store).find(PurchaseId.parse("P-1")).get();
    PurchaseRepository.in(store).save(refund.state(), stored.version());
    PurchaseEvent refunded = (PurchaseEvent) refund.events().head();
    LoyaltyAccount half = desk.onPurchase(CLUB, refunded, policy, at(refundedAt)).get().get()
        .value();
    assertThat(half.balance(CREDITS, refundedAt)).isEqualTo(3000);
    assertThat(half.balance(POINTS, refundedAt)).isEqualTo(100 + 3000);
    assertThat(half.tier().tier()).isEqualTo("member");
    assertThat(desk.onPurchase(CLUB, refunded, policy, at(refundedAt)).get()).isEmpty();
    assertThat(desk.onPurchase(CLUB, event, policy, at(WANG_JOINS)).get()).isEmpty();
  }

  @Test
  void accountsFollowCustomerMergesAndTwoMembershipsRefuseTheMerge() {
    CrmStore store = store();
    LoyaltyDesk desk = desk(store);
    ok(desk.enroll(WANG_ACCOUNT, CLUB, WANG, Option.none(), at(T0)));
    Instant later = day("2026-04-01");
    MergeJournal journal = CrmServices.merges(store).merge(LI, WANG, Survivorship.standard(),
        at(later)).get();
    LoyaltyAccount moved = LoyaltyAccountRepository.in(store).find(WANG_ACCOUNT).get().value();
    assertThat(moved.customer()).isEqualTo(LI);
    assertThat(moved.balance(POINTS, later)).isEqualTo(100);
    assertThat(CrmServices.timeline(store).page(LI, Option.none(), 50).entries()
        .map(e -> e.kind())).contains("loyalty.enrolled");
    CrmServices.merges(store).undo(journal.id(), at(day("2026-04-02"))).get();
    assertThat(LoyaltyAccountRepository.in(store).find(WANG_ACCOUNT).get().value().customer())
        .isEqualTo(WANG);

    ok(desk.enroll(LI_ACCOUNT, CLUB, LI, Option.none(), at(day("2026-04-03"))));
    Either<Rejection, MergeJournal> refused = CrmServices.merges(store).merge(LI, WANG,
        Survivorship.standard(), at(day("2026-04-04")));
    assertThat(refused.getLeft().code()).isEqualTo("loyalty.merge.two_memberships");
    assertThat(LoyaltyAccountRepository.in(store).find(WANG_ACCOUNT).get().value().customer())
        .isEqualTo(WANG);
  }
}
