package io.rapport.crm.customer;

import static io.rapport.crm.customer.LifecycleStage.CHURNED;
import static io.rapport.crm.customer.LifecycleStage.CUSTOMER;
import static io.rapport.crm.customer.LifecycleStage.INACTIVE;
import static io.rapport.crm.customer.LifecycleStage.LEAD;
import static io.rapport.crm.customer.LifecycleStage.PROSPECT;
import static io.rapport.crm.customer.LifecycleStage.WON_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
  static final ActorId AGENT = ActorId.parse("employee:E-7");
  static final LifecyclePolicy POLICY = LifecyclePolicy.standard();

  static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  @Test
  void recordsEveryMoveWithTimeActorAndReason() {
    Lifecycle lifecycle = Lifecycle.start(LEAD, day(0), AGENT, "store visit")
        .moveTo(PROSPECT, day(1), AGENT, "asked for a quote", POLICY).get()
        .moveTo(CUSTOMER, day(3), AGENT, "first purchase", POLICY).get()
        .moveTo(CHURNED, day(400), ActorId.parse("system"), "no purchase in 13 months", POLICY).get()
        .moveTo(WON_BACK, day(500), AGENT, "bought a tea table", POLICY).get();
    assertThat(lifecycle.stage()).isEqualTo(WON_BACK);
    assertThat(lifecycle.history()).extracting(LifecycleChange::to)
        .containsExactly(LEAD, PROSPECT, CUSTOMER, CHURNED, WON_BACK);
    assertThat(lifecycle.history().get(3).reason()).isEqualTo("no purchase in 13 months");
    assertThat(lifecycle.stageAt(day(2))).isEqualTo(Option.of(PROSPECT));
    assertThat(lifecycle.stageAt(day(-1))).isEqualTo(Option.none());
  }

  @Test
  void aRefusedMoveNamesTheAllowedOnesAndChangesNothing() {
    Lifecycle lead = Lifecycle.start(LEAD, day(0), AGENT, "");
    Either<LifecycleRejection, Lifecycle> refused = lead.moveTo(CHURNED, day(1), AGENT, "", POLICY);
    assertThat(refused.getLeft().reason()).isEqualTo(LifecycleRejection.Reason.NOT_ALLOWED);
    assertThat(refused.getLeft().allowed()).containsExactlyInAnyOrder(PROSPECT, CUSTOMER);
    assertThat(refused.getLeft().code()).isEqualTo("customer.lifecycle.not_allowed");
    assertThat(refused.getLeft().message()).contains("PROSPECT").contains("CUSTOMER");
    assertThat(lead.stage()).isEqualTo(LEAD);
    assertThat(lead.moveTo(LEAD, day(1), AGENT, "", POLICY).getLeft().reason())
        .isEqualTo(LifecycleRejection.Reason.ALREADY_THERE);
    assertThat(lead.moveTo(PROSPECT, day(-1), AGENT, "", POLICY).getLeft().reason())
        .isEqualTo(LifecycleRejection.Reason.OUT_OF_ORDER);
  }

  @Test
  void followsTheHostsOwnPolicy() {
    LifecyclePolicy strict = LifecyclePolicy.builder().allow(LEAD, CUSTOMER).build();
    assertThat(Lifecycle.start(LEAD, day(0), AGENT, "").moveTo(PROSPECT, day(1), AGENT, "", strict)
        .getLeft().allowed()).containsExactly(CUSTOMER);
    assertThat(strict.allowedFrom(CHURNED)).isEmpty();
    assertThatThrownBy(() -> LifecyclePolicy.builder().allow(LEAD, LEAD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnInconsistentHistory() {
    LifecycleChange first = new LifecycleChange(Option.none(), LEAD, day(0), AGENT, "");
    assertThatThrownBy(() -> new Lifecycle(List.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lifecycle(List.of(first,
        new LifecycleChange(Option.of(PROSPECT), CUSTOMER, day(1), AGENT, ""))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lifecycle(List.of(first,
        new LifecycleChange(Option.of(LEAD), CUSTOMER, day(-1), AGENT, ""))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anySequenceOfAttemptsLeavesAConsistentReplayableHistory() {
    qt().withFixedSeed(20261123L).forAll(
        lists().of(arbitrary().enumValues(LifecycleStage.class)
            .zip(integers().between(-2, 30), (stage, dayOffset) -> new Object[] {stage, dayOffset}))
            .ofSizeBetween(0, 30))
        .check(attempts -> {
          Lifecycle lifecycle = Lifecycle.start(LEAD, day(0), AGENT, "");
          int accepted = 0;
          for (Object[] attempt : attempts) {
            LifecycleStage to = (LifecycleStage) attempt[0];
            Instant at = lifecycle.history().last().at().plus(Duration.ofDays((Integer) attempt[1]));
            boolean allowed = to != lifecycle.stage() && POLICY.allows(lifecycle.stage(), to)
                && (Integer) attempt[1] >= 0;
            Either<LifecycleRejection, Lifecycle> outcome = lifecycle.moveTo(to, at, AGENT, "", POLICY);
            if (outcome.isRight() != allowed) {
              return false;
            }
            if (outcome.isRight()) {
              lifecycle = outcome.get();
              accepted++;
            }
          }
          Lifecycle replayed = new Lifecycle(lifecycle.history());
          Lifecycle finalState = lifecycle;
          return lifecycle.history().size() == accepted + 1
              && replayed.equals(lifecycle)
              && lifecycle.history().forAll(change ->
                  finalState.stageAt(change.at()).isDefined())
              && lifecycle.stageAt(lifecycle.history().last().at()).contains(lifecycle.stage());
        });
  }
}
