package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.MONDAY_9;
import static io.rapport.crm.work.Fixtures.NINE_TO_FIVE;
import static io.rapport.crm.work.Fixtures.SHANGHAI;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.hours;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class TeamTest {

  static final TeamId CALL_CENTER = TeamId.parse("T-call");

  static Team callCenter() {
    return Team.form(CALL_CENTER, " Call center ", NINE_TO_FIVE, stamp(MONDAY_9)).get().state();
  }

  static Team accepted(Either<TeamRejection, Transition<Team>> result) {
    assertThat(result.isRight()).as("accepted, but got %s", result).isTrue();
    assertThat(result.get().events()).hasSize(1);
    return result.get().state();
  }

  static String refusal(Either<TeamRejection, Transition<Team>> result) {
    assertThat(result.isLeft()).as("refused, but got %s", result).isTrue();
    return result.getLeft().code();
  }

  @Test
  void formsAnEmptyTeamWithItsCalendar() {
    Transition<Team> formed = Team.form(CALL_CENTER, " Call center ", NINE_TO_FIVE,
        stamp(MONDAY_9)).get();
    assertThat(formed.state().name()).isEqualTo("Call center");
    assertThat(formed.state().members()).isEmpty();
    assertThat(formed.state().lead()).isEmpty();
    assertThat(formed.state().calendar()).isEqualTo(NINE_TO_FIVE);
    assertThat(formed.events().head()).isInstanceOf(TeamFormed.class);
    assertThat(Team.form(CALL_CENTER, null, NINE_TO_FIVE, stamp(MONDAY_9)).getError())
        .extracting(Violation::field, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "team.name.blank"));
  }

  @Test
  void addsAndRemovesMembers() {
    Team team = accepted(accepted(callCenter().addMember(LI, stamp(hours(1))))
        .addMember(WANG, stamp(hours(1))));
    assertThat(team.members()).containsExactlyInAnyOrder(LI, WANG);
    assertThat(refusal(team.addMember(LI, stamp(hours(2))))).isEqualTo("team.member.already_member");
    Team withoutWang = accepted(team.removeMember(WANG, stamp(hours(2))));
    assertThat(withoutWang.members()).containsExactly(LI);
    Either<TeamRejection, Transition<Team>> refused = withoutWang.removeMember(WANG, stamp(hours(3)));
    assertThat(refusal(refused)).isEqualTo("team.member.not_member");
    assertThat(refused.getLeft().members()).containsExactly(LI);
  }

  @Test
  void theLeadIsAMemberAndCannotBeRemovedBeforeBeingReplaced() {
    Team team = accepted(callCenter().addMember(LI, stamp(hours(1))));
    assertThat(refusal(team.changeLead(Option.of(WANG), stamp(hours(2)))))
        .isEqualTo("team.member.not_member");
    Team led = accepted(team.changeLead(Option.of(LI), stamp(hours(2))));
    assertThat(led.lead()).isEqualTo(Option.of(LI));
    assertThat(refusal(led.changeLead(Option.of(LI), stamp(hours(3))))).isEqualTo("team.lead.unchanged");
    assertThat(refusal(led.removeMember(LI, stamp(hours(3))))).isEqualTo("team.member.is_lead");
    Team leaderless = accepted(led.changeLead(Option.none(), stamp(hours(3))));
    assertThat(accepted(leaderless.removeMember(LI, stamp(hours(4)))).members()).isEmpty();
  }

  @Test
  void renamesAndChangesTheCalendar() {
    assertThat(accepted(callCenter().rename("Hotline", stamp(hours(1)))).name()).isEqualTo("Hotline");
    assertThat(refusal(callCenter().rename("Call center", stamp(hours(1)))))
        .isEqualTo("team.name.unchanged");
    assertThat(refusal(callCenter().rename(" ", stamp(hours(1))))).isEqualTo("team.name.blank");
    BusinessCalendar allDay = BusinessCalendar.twentyFourSeven(SHANGHAI);
    Transition<Team> changed = callCenter().changeCalendar(allDay, stamp(hours(1))).get();
    assertThat(changed.state().calendar()).isEqualTo(allDay);
    assertThat(changed.events().head()).isEqualTo(new TeamCalendarChanged(
        ((TeamCalendarChanged) changed.events().head()).stamp(), CALL_CENTER, allDay));
    assertThat(refusal(callCenter().changeCalendar(NINE_TO_FIVE, stamp(hours(1)))))
        .isEqualTo("team.calendar.unchanged");
  }

  @Test
  void refusesToRebuildATeamWhoseLeadIsNoMember() {
    assertThatThrownBy(() -> new Team(CALL_CENTER, "Call center", Option.of(LI), NINE_TO_FIVE,
        HashSet.of(WANG))).isInstanceOfSatisfying(InvalidValueException.class, problem ->
            assertThat(problem.violations()).extracting(Violation::code)
                .containsExactly("team.lead.not_member"));
  }
}
