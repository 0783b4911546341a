package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.sales.ForecastCategory;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadStatus;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.LostReason;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.Payment;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.ReopenRule;
import io.rapport.crm.sales.Stage;
import io.rapport.crm.sales.StageGuard;
import io.rapport.crm.sales.StageHistoryEntry;
import io.rapport.crm.sales.StageKind;
import io.rapport.crm.sales.StageTransition;
import io.rapport.crm.testkit.generators.SalesGenerators;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sales generators make only valid records: every invariant the sales constructors check
 * (docs/guides/sales-storage.md lists them) holds for every generated value, checked here
 * independently of the constructors; and the generators reach every status, kind and shape.
 */
class SalesGeneratorsProperties {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
  private static final Percentage HUNDRED = Percentage.ONE_HUNDRED;

  private static boolean text(String value, int max) {
    return !value.isBlank() && value.length() <= max;
  }

  private static boolean text(Option<String> value, int max) {
    return value.forAll(v -> text(v, max));
  }

  private static boolean percent(Percentage value) {
    return !value.isNegative() && value.compareTo(HUNDRED) <= 0;
  }

  private static boolean nondecreasing(Seq<Instant> times) {
    return times.sliding(2).forAll(pair -> pair.size() < 2 || !pair.get(1).isBefore(pair.get(0)));
  }

  /** Returns the names of the broken pipeline invariants. */
  static List<String> broken(Pipeline p) {
    List<String> broken = List.empty();
    for (Stage s : p.stages()) {
      if (!text(s.name(), 100) || !s.name().equals(s.name().strip())) {
        broken = broken.append("stage.name");
      }
      if (!percent(s.probability())
          || s.kind() == StageKind.WON && (!s.probability().equals(HUNDRED)
              || s.category() != ForecastCategory.CLOSED)
          || s.kind() == StageKind.LOST && (!s.probability().isZero()
              || s.category() != ForecastCategory.OMITTED)
          || s.kind() == StageKind.OPEN && s.category() == ForecastCategory.CLOSED) {
        broken = broken.append("stage.kind");
      }
    }
    for (LostReason reason : p.lostReasons()) {
      if (!CODE.matcher(reason.code()).matches() || !text(reason.label(), 200)) {
        broken = broken.append("lost_reason");
      }
    }
    if (!text(p.name(), 100)) {
      broken = broken.append("pipeline.name");
    }
    if (p.stages().map(Stage::code).distinct().size() != p.stages().size()
        || p.stages().count(s -> s.kind() == StageKind.OPEN) < 1
        || p.stages().count(s -> s.kind() == StageKind.WON) != 1
        || p.stages().count(s -> s.kind() == StageKind.LOST) < 1) {
      broken = broken.append("pipeline.stages");
    }
    for (StageTransition t : p.transitions()) {
      Option<Stage> from = p.stages().find(s -> s.code().equals(t.from()));
      if (t.from().equals(t.to()) || from.isEmpty() || from.get().kind() != StageKind.OPEN
          || p.stages().find(s -> s.code().equals(t.to())).isEmpty()) {
        broken = broken.append("pipeline.transition");
      }
    }
    if (p.transitions().map(t -> List.of(t.from(), t.to())).distinct().size()
        != p.transitions().size()) {
      broken = broken.append("pipeline.transition.duplicate");
    }
    if (p.lostReasons().isEmpty()
        || p.lostReasons().map(LostReason::code).distinct().size() != p.lostReasons().size()) {
      broken = broken.append("pipeline.lost_reasons");
    }
    for (ReopenRule rule : p.reopenRules()) {
      if (rule.from() == StageKind.OPEN || rule.within().exists(d -> d.isNegative() || d.isZero())
          || !p.stages().exists(s -> s.code().equals(rule.to()) && s.kind() == StageKind.OPEN)) {
        broken = broken.append("pipeline.reopen_rule");
      }
    }
    if (p.reopenRules().map(ReopenRule::from).distinct().size() != p.reopenRules().size()) {
      broken = broken.append("pipeline.reopen_rule.duplicate");
    }
    return broken;
  }

  static List<String> broken(LineItem item) {
    return text(item.description(), 500) && percent(item.discount())
        && !item.quantity().isZero() ? List.empty() : List.of("line_item");
  }

  /** Returns the names of the broken opportunity invariants. */
  static List<String> broken(Opportunity o) {
    List<String> broken = o.lineItems().flatMap(SalesGeneratorsProperties::broken).toList();
    if (!text(o.name(), 200)) {
      broken = broken.append("name");
    }
    if (o.enteredAmount().exists(a -> !a.currency().equals(o.currency()) || a.isNegative())
        || o.lineItems().exists(l -> !l.unitPrice().currency().equals(o.currency()))) {
      broken = broken.append("currency");
    }
    if (!percent(o.probability()) || o.history().exists(e -> !percent(e.probability()))) {
      broken = broken.append("probability");
    }
    if (o.competitors().distinct().size() != o.competitors().size()
        || o.competitors().exists(c -> !text(c, 200)) || !text(o.nextStep(), 500)) {
      broken = broken.append("texts");
    }
    if (o.lostReason().isDefined() != (o.status() == OpportunityStatus.LOST)
        || o.purchase().isDefined() != (o.status() == OpportunityStatus.WON)
        || o.closedAt().isDefined() != (o.status() != OpportunityStatus.OPEN)) {
      broken = broken.append("status");
    }
    if (o.history().isEmpty() || !o.history().head().at().equals(o.createdAt())
        || !nondecreasing(o.history().map(StageHistoryEntry::at))) {
      broken = broken.append("history.time");
    } else {
      StageHistoryEntry last = o.history().last();
      if (!last.stage().equals(o.stage()) || !last.amount().equals(o.amount())
          || !last.probability().equals(o.probability())
          || last.probabilityOverridden() != o.probabilityOverridden()
          || last.category() != o.category()
          || last.categoryOverridden() != o.categoryOverridden()
          || !last.expectedClose().equals(o.expectedClose())) {
        broken = broken.append("history.last");
      }
    }
    if (o.updatedAt().isBefore(o.createdAt())
        || o.history().exists(e -> e.at().isAfter(o.updatedAt()))
        || o.closedAt().exists(c -> c.isBefore(o.createdAt()) || c.isAfter(o.updatedAt()))) {
      broken = broken.append("times");
    }
    return broken;
  }

  /** Returns the names of the broken purchase invariants. */
  static List<String> broken(Purchase p) {
    List<String> broken = p.lines().flatMap(SalesGeneratorsProperties::broken).toList();
    if (!CODE.matcher(p.channel()).matches()) {
      broken = broken.append("channel");
    }
    if (p.lines().isEmpty()
        || p.lines().exists(l -> !l.unitPrice().currency().equals(p.total().currency()))
        || !p.total().equals(Money.sum(p.total().currency(), p.lines().map(LineItem::total)))) {
      broken = broken.append("total");
    }
    if (!percent(p.terms().prepayment()) || p.terms().dueDays() < 0
        || p.terms().dueDays() > 3650) {
      broken = broken.append("terms");
    }
    Seq<Payment> moves = p.payments().appendAll(p.refunds());
    if (moves.exists(m -> !m.amount().isPositive()
        || !m.amount().currency().equals(p.total().currency())
        || m.at().isBefore(p.purchasedAt()) || m.at().isAfter(p.updatedAt())
        || !text(m.reference(), 200))
        || !nondecreasing(p.payments().map(Payment::at))
        || !nondecreasing(p.refunds().map(Payment::at))) {
      broken = broken.append("payments");
    }
    Money paid = Money.sum(p.total().currency(), p.payments().map(Payment::amount));
    Money refunded = Money.sum(p.total().currency(), p.refunds().map(Payment::amount));
    if (refunded.isGreaterThan(paid)) {
      broken = broken.append("refunds");
    }
    if (p.deliveredAt().exists(d -> d.isBefore(p.purchasedAt()) || d.isAfter(p.updatedAt()))
        || p.updatedAt().isBefore(p.purchasedAt())) {
      broken = broken.append("times");
    }
    return broken;
  }

  /** Returns the names of the broken lead invariants. */
  static List<String> broken(Lead l) {
    List<String> broken = List.empty();
    if (!text(l.name(), 200) || !text(l.organizationName(), 200)) {
      broken = broken.append("names");
    }
    if (l.disqualification().isDefined() != (l.status() == LeadStatus.DISQUALIFIED)
        || l.conversion().isDefined() != (l.status() == LeadStatus.CONVERTED)) {
      broken = broken.append("status");
    }
    if (l.disqualification().exists(d -> !CODE.matcher(d.reason()).matches()
        || !text(d.note(), 1000))) {
      broken = broken.append("disqualification");
    }
    if (l.score().exists(s -> s < 0 || s > 100)) {
      broken = broken.append("score");
    }
    if (l.attributes().exists(a -> !ATTRIBUTE.matcher(a._1).matches() || !text(a._2, 1000))) {
      broken = broken.append("attributes");
    }
    if (l.interests().distinct().size() != l.interests().size()) {
      broken = broken.append("interests");
    }
    if (l.estimatedValue().exists(Money::isNegative)
        || l.qualification().budget().exists(Money::isNegative)
        || !text(l.qualification().need(), 1000)) {
      broken = broken.append("money");
    }
    if (l.updatedAt().isBefore(l.createdAt())) {
      broken = broken.append("times");
    }
    return broken;
  }

  @Test
  void pipelinesKeepEveryInvariantAndUseEveryGuardKind() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(SalesGenerators.pipelines()).checkAssert(pipeline -> {
      assertThat(broken(pipeline)).as("%s", pipeline).isEmpty();
      assertThat(pipeline.stages().size()).isBetween(3, 8);
      pipeline.transitions().flatMap(StageTransition::guards)
          .forEach(guard -> seen.merge(guard.code(), 1, Integer::sum));
      pipeline.reopenRules().forEach(rule -> seen.merge("reopen " + rule.from(), 1, Integer::sum));
      seen.merge("lost stages " + pipeline.stages().count(s -> s.kind() == StageKind.LOST), 1,
          Integer::sum);
    });
    assertThat(seen).containsKeys("amount_required", "close_date_required", "quote_required",
        "line_items_required", "next_step_required", "minimum_amount", "reopen WON",
        "reopen LOST", "lost stages 1", "lost stages 2");
  }

  @Test
  void opportunitiesKeepEveryInvariantAndReachEveryStatus() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(SalesGenerators.opportunities()).checkAssert(opportunity -> {
      assertThat(broken(opportunity)).as("%s", opportunity).isEmpty();
      seen.merge(opportunity.status().name(), 1, Integer::sum);
      seen.merge("history " + opportunity.history().size(), 1, Integer::sum);
      if (!opportunity.lineItems().isEmpty()) {
        seen.merge("line items", 1, Integer::sum);
      }
      if (opportunity.probabilityOverridden()) {
        seen.merge("overridden", 1, Integer::sum);
      }
    });
    assertThat(seen).containsKeys("OPEN", "WON", "LOST", "history 1", "history 8", "line items",
        "overridden");
  }

  @Test
  void opportunitiesInAPipelineTakeTheirStagesAndLostReasonsFromIt() {
    qt().withExamples(50).forAll(SalesGenerators.pipelines()).checkAssert(pipeline ->
        qt().withExamples(20).forAll(SalesGenerators.opportunitiesIn(pipeline))
            .checkAssert(opportunity -> {
              assertThat(opportunity.pipeline()).isEqualTo(pipeline.id());
              assertThat(opportunity.history().map(StageHistoryEntry::stage))
                  .allMatch(stage -> pipeline.stages().exists(s -> s.code().equals(stage)));
              Stage stage = pipeline.stages().find(s -> s.code().equals(opportunity.stage())).get();
              assertThat(stage.kind().name()).isEqualTo(opportunity.status().name());
              assertThat(opportunity.lostReason().forAll(pipeline.lostReasons()::contains))
                  .isTrue();
              assertThat(broken(opportunity)).isEmpty();
            }));
  }

  @Test
  void purchasesKeepEveryInvariantWithPaymentsAndRefunds() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(SalesGenerators.purchases()).checkAssert(purchase -> {
      assertThat(broken(purchase)).as("%s", purchase).isEmpty();
      if (!purchase.payments().isEmpty()) {
        seen.merge("paid", 1, Integer::sum);
      }
      if (!purchase.refunds().isEmpty()) {
        seen.merge("refunded", 1, Integer::sum);
      }
      if (purchase.deliveredAt().isDefined()) {
        seen.merge("delivered", 1, Integer::sum);
      }
      if (purchase.lines().exists(l -> l.quantity().unit() != l.unitPrice().unit())) {
        seen.merge("weighed in another unit", 1, Integer::sum);
      }
    });
    assertThat(seen).containsKeys("paid", "refunded", "delivered", "weighed in another unit");
  }

  @Test
  void leadsKeepEveryInvariantAndReachEveryStatus() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(SalesGenerators.leads()).checkAssert(lead -> {
      assertThat(broken(lead)).as("%s", lead).isEmpty();
      seen.merge(lead.status().name(), 1, Integer::sum);
    });
    assertThat(seen.keySet()).containsExactlyInAnyOrder("NEW", "WORKING", "QUALIFIED",
        "DISQUALIFIED", "CONVERTED");
    for (LeadStatus status : LeadStatus.values()) {
      qt().withExamples(30).forAll(SalesGenerators.leads(status))
          .checkAssert(lead -> assertThat(lead.status()).isEqualTo(status));
    }
  }

  @Test
  void guardsOfEveryKindAreGenerated() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().withExamples(200).forAll(SalesGenerators.stageGuards()).checkAssert(guard -> {
      seen.merge(guard.code(), 1, Integer::sum);
      if (guard instanceof StageGuard.MinimumAmount) {
        assertThat(((StageGuard.MinimumAmount) guard).minimum().isNegative()).isFalse();
      }
    });
    assertThat(seen).hasSize(6);
  }
}
