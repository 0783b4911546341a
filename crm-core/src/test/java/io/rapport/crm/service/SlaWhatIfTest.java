package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.AROUND_THE_CLOCK;
import static io.rapport.crm.service.SlaFixtures.SHANGHAI_OFFICE;
import static io.rapport.crm.service.SlaFixtures.at;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaFixtures.officePolicy;
import static io.rapport.crm.service.SlaFixtures.signals;
import static io.rapport.crm.service.SlaFixtures.status;
import static io.rapport.crm.service.SlaFixtures.ticket;
import static io.rapport.crm.service.SlaTargetKind.FIRST_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.NEXT_RESPONSE;
import static io.rapport.crm.service.SlaTargetKind.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.work.Priority;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaWhatIfTest {

  static final Ticket FRIDAY_AFTERNOON = ticket(signals(status("2026-04-03T16:00",
      TicketStatus.OPEN)), Priority.NORMAL, Option.none());

  @Test
  void comparesTheDueTimesUnderAnotherPolicy() {
    SlaPolicy faster = SlaPolicy.builder(SlaPolicyId.parse("faster"), "Faster")
        .target(RESOLUTION, hours(4), true)
        .build().get();
    SlaWhatIf whatIf = SlaWhatIf.compare(FRIDAY_AFTERNOON, officePolicy(), SHANGHAI_OFFICE,
        faster, SHANGHAI_OFFICE, at("2026-04-03T17:00"));

    assertThat(whatIf.changes()).extracting(SlaDueChange::target, SlaDueChange::dueBefore,
        SlaDueChange::dueAfter).containsExactly(
        tuple(FIRST_RESPONSE, Option.some(at("2026-04-03T17:00")), Option.none()),
        tuple(RESOLUTION, Option.some(at("2026-04-07T16:00")),
            Option.some(at("2026-04-07T11:00"))));
    SlaDueChange resolution = whatIf.changes().last();
    assertThat(resolution.shift()).contains(Duration.ofHours(-5));
    assertThat(resolution.changed()).isTrue();
    assertThat(whatIf.changes().head().phaseAfter()).isEmpty();
    assertThat(whatIf.before().policy()).isEqualTo(officePolicy().id());
    assertThat(whatIf.after().policy()).isEqualTo(faster.id());
  }

  @Test
  void comparesTheDueTimesOnAnotherCalendar() {
    SlaWhatIf whatIf = SlaWhatIf.compare(FRIDAY_AFTERNOON.slaSignals(), officePolicy(),
        SHANGHAI_OFFICE, officePolicy(), AROUND_THE_CLOCK, at("2026-04-03T16:30"));

    assertThat(whatIf.changes()).extracting(SlaDueChange::target, SlaDueChange::shift)
        .containsExactly(
            tuple(FIRST_RESPONSE, Option.some(Duration.ZERO)),
            tuple(RESOLUTION, Option.some(
                Duration.between(at("2026-04-07T16:00"), at("2026-04-04T00:00")))));
  }

  @Test
  void listsTheCyclesOnlyTheSecondSettingHas() {
    SlaPolicy responsesOnly = SlaPolicy.builder(SlaPolicyId.parse("responses"), "Responses")
        .target(NEXT_RESPONSE, hours(1), true)
        .build().get();
    SlaPolicy resolutionOnly = SlaPolicy.builder(SlaPolicyId.parse("resolve"), "Resolve")
        .target(RESOLUTION, hours(8), true)
        .build().get();
    SlaWhatIf whatIf = SlaWhatIf.compare(signals(status("2026-04-01T09:00", TicketStatus.NEW),
        SlaFixtures.agent("2026-04-01T09:30"), SlaFixtures.customer("2026-04-01T10:00")),
        resolutionOnly, SHANGHAI_OFFICE, responsesOnly, SHANGHAI_OFFICE, at("2026-04-01T10:30"));

    assertThat(whatIf.changes()).extracting(SlaDueChange::target, SlaDueChange::cycle,
        SlaDueChange::phaseBefore, SlaDueChange::phaseAfter).containsExactly(
        tuple(RESOLUTION, 0, Option.some(SlaPhase.RUNNING), Option.none()),
        tuple(NEXT_RESPONSE, 1, Option.none(), Option.some(SlaPhase.RUNNING)));
  }

  @Test
  void findsNothingChangedUnderTheSameSetting() {
    SlaWhatIf whatIf = SlaWhatIf.compare(FRIDAY_AFTERNOON, officePolicy(), SHANGHAI_OFFICE,
        officePolicy(), SHANGHAI_OFFICE, at("2026-04-03T17:00"));

    assertThat(whatIf.changes()).isNotEmpty().noneMatch(SlaDueChange::changed);
    assertThat(whatIf.before()).isEqualTo(whatIf.after());
  }
}
