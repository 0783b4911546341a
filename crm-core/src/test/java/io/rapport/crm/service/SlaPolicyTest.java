package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.ESCALATION_TEAM;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaTargetKind.FIRST_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.NEXT_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

  static final SlaPolicyId ID = SlaPolicyId.parse("vip");
  static final EscalationAction NOTIFY = new EscalationAction.NotifyRole(Role.MANAGER);

  static SlaPolicyBuilder valid() {
    return SlaPolicy.builder(ID, "VIP customers")
        .target(FIRST_RESPONSE, hours(1), true)
        .target(RESOLUTION, hours(8), true);
  }

  static List<String> problems(Validation<Seq<Violation>, SlaPolicy> result) {
    assertThat(result.isInvalid()).as("invalid").isTrue();
    return result.getError().map(v -> v.field() + " " + v.code()).toList();
  }

  @Test
  void buildsAPolicyWithTheDefaults() {
    SlaPolicy policy = valid().build().get();

    assertThat(policy.rank()).isZero();
    assertThat(policy.when()).isEqualTo(SlaConditions.any());
    assertThat(policy.warnAt()).isEqualTo(Percentage.ofPercent(75));
    assertThat(policy.pausedIn()).isEmpty();
    assertThat(policy.escalations()).isEmpty();
    assertThat(policy.target(RESOLUTION).map(SlaTarget::within)).contains(hours(8));
    assertThat(policy.target(NEXT_RESPONSE)).isEmpty();
    assertThat(policy.warningAfter(policy.target(RESOLUTION).get())).isEqualTo(hours(6));
    assertThat(policy.pausesIn(TicketStatus.PENDING_CUSTOMER)).isFalse();
  }

  @Test
  void reportsABlankOrLongName() {
    assertThat(problems(SlaPolicy.builder(ID, " ").target(RESOLUTION, hours(8), true).build()))
        .containsExactly("name sla.policy.name.blank");
    assertThat(problems(SlaPolicy.builder(ID, "x".repeat(101)).target(RESOLUTION, hours(8), true)
        .build())).containsExactly("name sla.policy.name.too_long");
    assertThat(SlaPolicy.builder(ID, "x".repeat(100)).target(RESOLUTION, hours(8), true).build()
        .isValid()).isTrue();
  }

  @Test
  void reportsANegativeRank() {
    assertThat(problems(valid().rank(-1).build())).containsExactly("rank sla.policy.rank.negative");
  }

  @Test
  void reportsNoTargetsAndASecondTargetOfAKind() {
    assertThat(problems(SlaPolicy.builder(ID, "None").build()))
        .containsExactly("targets sla.policy.targets.empty");
    assertThat(problems(valid().target(FIRST_RESPONSE, hours(2), true).build()))
        .containsExactly("targets[2] sla.policy.target.duplicate");
  }

  @Test
  void reportsAResponseTargetLongerThanTheResolutionCountedTheSameWay() {
    assertThat(problems(SlaPolicy.builder(ID, "Slow").target(FIRST_RESPONSE, hours(9), true)
        .target(NEXT_RESPONSE, hours(10), true).target(RESOLUTION, hours(8), true).build()))
        .containsExactly("targets[0].within sla.policy.target.exceeds_resolution",
            "targets[1].within sla.policy.target.exceeds_resolution");
    // Counted differently: 24 hours around the clock may well exceed 8 business hours.
    assertThat(SlaPolicy.builder(ID, "Mixed").target(FIRST_RESPONSE, hours(24), false)
        .target(RESOLUTION, hours(8), true).build().isValid()).isTrue();
    assertThat(SlaPolicy.builder(ID, "Equal").target(FIRST_RESPONSE, hours(8), true)
        .target(RESOLUTION, hours(8), true).build().isValid()).isTrue();
  }

  @Test
  void reportsATimeAllowedOutOfRangeUnderItsTarget() {
    assertThat(problems(valid().target(NEXT_RESPONSE, Duration.ZERO, true).build()))
        .containsExactly("targets[2].within sla.target.within.not_positive");
    assertThat(problems(SlaPolicy.builder(ID, "Long")
        .target(RESOLUTION, Duration.ofDays(366), false).build()))
        .containsExactly("targets[0].within sla.target.within.too_long");
  }

  @Test
  void pausesOnlyInThePendingStatuses() {
    assertThat(problems(valid().pausedIn(TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED)
        .build())).containsExactly("pausedIn sla.policy.paused_in.not_pending");
    assertThat(valid().pausedIn(TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_THIRD_PARTY)
        .build().isValid()).isTrue();
  }

  @Test
  void warnsStrictlyBetweenZeroAndAHundredPercent() {
    for (long percent : new long[] {0, 100, 120, -5}) {
      assertThat(problems(valid().warnAt(Percentage.ofPercent(percent)).build()))
          .as(percent + "%").containsExactly("warnAt sla.policy.warn_at.out_of_range");
    }
    assertThat(valid().warnAt(Percentage.ofBasisPoints(9999)).build().isValid()).isTrue();
  }

  @Test
  void escalatesOnlyOnItsOwnTargetsAndEachRuleOnce() {
    assertThat(problems(valid()
        .escalate(RESOLUTION, AlertLevel.BREACH, NOTIFY)
        .escalate(NEXT_RESPONSE, AlertLevel.WARNING, NOTIFY)
        .escalate(RESOLUTION, AlertLevel.BREACH, NOTIFY)
        .build())).containsExactly(
        "escalations[1].target sla.policy.escalation.target_unknown",
        "escalations[2] sla.policy.escalation.duplicate");
  }

  @Test
  void raisesThePriorityOnlyWhereItCanHaveAnEffect() {
    assertThat(problems(valid().escalate(RESOLUTION, AlertLevel.BREACH,
        new EscalationAction.RaisePriority(Priority.LOW)).build()))
        .containsExactly("escalations[0].action sla.policy.escalation.raise_to_low");
    assertThat(problems(valid().priorities(Priority.HIGH, Priority.URGENT)
        .escalate(RESOLUTION, AlertLevel.BREACH, new EscalationAction.RaisePriority(Priority.HIGH))
        .build())).containsExactly("escalations[0].action sla.policy.escalation.raise_ineffective");
    assertThat(valid().priorities(Priority.HIGH, Priority.NORMAL)
        .escalate(RESOLUTION, AlertLevel.BREACH, new EscalationAction.RaisePriority(Priority.HIGH))
        .build().isValid()).isTrue();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Validation<Seq<Violation>, SlaPolicy> result = SlaPolicy.builder(ID, "")
        .rank(-3)
        .tiers("gold", " ")
        .target(FIRST_RESPONSE, hours(10), true)
        .target(RESOLUTION, hours(8), true)
        .target(RESOLUTION, Duration.ofSeconds(-1), true)
        .pausedIn(TicketStatus.OPEN)
        .warnAt(Percentage.ZERO)
        .escalate(NEXT_RESPONSE, AlertLevel.BREACH, NOTIFY)
        .escalate(RESOLUTION, AlertLevel.BREACH, new EscalationAction.RaisePriority(Priority.LOW))
        .build();

    assertThat(problems(result)).containsExactly(
        "when.tiers sla.conditions.tier.blank",
        "name sla.policy.name.blank",
        "rank sla.policy.rank.negative",
        "targets[2].within sla.target.within.not_positive",
        "targets[2] sla.policy.target.duplicate",
        "targets[0].within sla.policy.target.exceeds_resolution",
        "pausedIn sla.policy.paused_in.not_pending",
        "warnAt sla.policy.warn_at.out_of_range",
        "escalations[0].target sla.policy.escalation.target_unknown",
        "escalations[1].action sla.policy.escalation.raise_to_low");
  }

  @Test
  void theConstructorThrowsWhatValidatedReports() {
    Seq<SlaTarget> targets = List.of(new SlaTarget(RESOLUTION, hours(8), true),
        new SlaTarget(RESOLUTION, hours(4), true));
    Seq<EscalationRule> rules = List.of(new EscalationRule(FIRST_RESPONSE, AlertLevel.WARNING,
        NOTIFY));
    Validation<Seq<Violation>, SlaPolicy> validated = SlaPolicy.validated(ID, " ", 0,
        SlaConditions.any(), targets, HashSet.of(TicketStatus.NEW), Percentage.ofPercent(75),
        rules);

    assertThat(problems(validated)).containsExactly(
        "name sla.policy.name.blank",
        "targets[1] sla.policy.target.duplicate",
        "pausedIn sla.policy.paused_in.not_pending",
        "escalations[0].target sla.policy.escalation.target_unknown");
    assertThatThrownBy(() -> new SlaPolicy(ID, " ", 0, SlaConditions.any(), targets,
        HashSet.of(TicketStatus.NEW), Percentage.ofPercent(75), rules))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.violations()).isEqualTo(validated.getError()));
  }

  @Test
  void validatedAcceptsWhatTheBuilderBuilds() {
    SlaPolicy built = valid().rank(4).segments("vip").pausedIn(TicketStatus.PENDING_CUSTOMER)
        .escalate(RESOLUTION, AlertLevel.BREACH, new EscalationAction.Reassign(
            Option.some(ESCALATION_TEAM), Option.none()))
        .build().get();

    assertThat(SlaPolicy.validated(built.id(), built.name(), built.rank(), built.when(),
        built.targets(), built.pausedIn(), built.warnAt(), built.escalations()))
        .containsExactly(built);
    assertThat(built.when().segments()).containsExactly("vip");
  }
}
