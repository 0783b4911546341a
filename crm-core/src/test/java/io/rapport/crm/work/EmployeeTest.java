package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.MONDAY_9;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.hours;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class EmployeeTest {

  static final TeamId CALL_CENTER = TeamId.parse("T-call");
  static final TeamId STORE = TeamId.parse("T-store");

  static Employee li() {
    return Employee.register(LI, EmployeeDraft.of("Li Wei").withRoles("agent")
        .withTeams(CALL_CENTER).withManager(WANG), stamp(MONDAY_9)).get().state();
  }

  static Employee accepted(Either<EmployeeRejection, Transition<Employee>> result) {
    assertThat(result.isRight()).as("accepted, but got %s", result).isTrue();
    assertThat(result.get().events()).hasSize(1);
    return result.get().state();
  }

  static String refusal(Either<EmployeeRejection, Transition<Employee>> result) {
    assertThat(result.isLeft()).as("refused, but got %s", result).isTrue();
    return result.getLeft().code();
  }

  @Test
  void registersAnActiveEmployeeWithRolesTeamsAndManager() {
    EventStamp stamp = stamp(MONDAY_9);
    Transition<Employee> registered = Employee.register(LI, EmployeeDraft.of("  Li Wei ")
        .withRoles("agent", "sales.rep").withTeams(CALL_CENTER).withManager(WANG), stamp).get();
    Employee li = registered.state();
    assertThat(li.displayName()).isEqualTo("Li Wei");
    assertThat(li.active()).isTrue();
    assertThat(li.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SALES_REP);
    assertThat(li.teams()).containsExactly(CALL_CENTER);
    assertThat(li.manager()).isEqualTo(Option.of(WANG));
    assertThat(li.hasRole(Role.AGENT)).isTrue();
    assertThat(registered.events()).containsExactly(new EmployeeRegistered(stamp, LI, "Li Wei",
        HashSet.of(CALL_CENTER), HashSet.of(Role.AGENT, Role.SALES_REP), Option.of(WANG)));
  }

  @Test
  void reportsEveryRegistrationProblemWithItsField() {
    EmployeeDraft draft = new EmployeeDraft(" ", List.of("agent", "Sales Rep", null),
        List.of(CALL_CENTER, null), LI);
    assertThat(Employee.register(LI, draft, stamp(MONDAY_9)).getError())
        .extracting(Violation::field, Violation::code)
        .containsExactly(
            tuple("displayName", "employee.name.blank"),
            tuple("roles[1]", "role.malformed"),
            tuple("roles[2]", "role.missing"),
            tuple("teams[1]", "employee.team.missing"),
            tuple("manager", "employee.manager.self"));
    assertThat(Employee.register(LI, EmployeeDraft.of("n".repeat(Employee.MAX_NAME + 1)),
        stamp(MONDAY_9)).getError()).extracting(Violation::code)
        .containsExactly("employee.name.too_long");
  }

  @Test
  void renames() {
    Transition<Employee> renamed = li().rename("Li Wei (Hangzhou)", stamp(hours(1))).get();
    assertThat(renamed.state().displayName()).isEqualTo("Li Wei (Hangzhou)");
    assertThat(renamed.events().head()).isInstanceOfSatisfying(EmployeeRenamed.class,
        event -> assertThat(List.of(event.from(), event.to()))
            .containsExactly("Li Wei", "Li Wei (Hangzhou)"));
    assertThat(refusal(li().rename("  ", stamp(hours(1))))).isEqualTo("employee.name.blank");
    assertThat(refusal(li().rename("n".repeat(Employee.MAX_NAME + 1), stamp(hours(1)))))
        .isEqualTo("employee.name.too_long");
    assertThat(refusal(li().rename(" Li Wei", stamp(hours(1))))).isEqualTo("employee.name.unchanged");
  }

  @Test
  void joinsAndLeavesTeams() {
    Employee both = accepted(li().joinTeam(STORE, stamp(hours(1))));
    assertThat(both.teams()).containsExactlyInAnyOrder(CALL_CENTER, STORE);
    assertThat(refusal(both.joinTeam(STORE, stamp(hours(2)))))
        .isEqualTo("employee.team.already_member");
    Employee storeOnly = accepted(both.leaveTeam(CALL_CENTER, stamp(hours(2))));
    assertThat(storeOnly.teams()).containsExactly(STORE);
    Either<EmployeeRejection, Transition<Employee>> refused =
        storeOnly.leaveTeam(CALL_CENTER, stamp(hours(3)));
    assertThat(refusal(refused)).isEqualTo("employee.team.not_member");
    assertThat(refused.getLeft().teams()).containsExactly(STORE);
    assertThat(refused.getLeft().message()).contains("T-store");
  }

  @Test
  void grantsAndRevokesRoles() {
    Employee manager = accepted(li().grantRole(Role.MANAGER, stamp(hours(1))));
    assertThat(manager.hasRole(Role.MANAGER)).isTrue();
    assertThat(refusal(manager.grantRole(Role.MANAGER, stamp(hours(2)))))
        .isEqualTo("employee.role.already_granted");
    Employee agentOnly = accepted(manager.revokeRole(Role.MANAGER, stamp(hours(2))));
    assertThat(agentOnly.roles()).containsExactly(Role.AGENT);
    assertThat(refusal(agentOnly.revokeRole(Role.ADMIN, stamp(hours(3)))))
        .isEqualTo("employee.role.not_granted");
  }

  @Test
  void changesTheManager() {
    Employee li = li();
    Transition<Employee> none = li.changeManager(Option.none(), stamp(hours(1))).get();
    assertThat(none.state().manager()).isEmpty();
    assertThat(none.events().head()).isInstanceOfSatisfying(EmployeeManagerChanged.class,
        event -> assertThat(event.from()).isEqualTo(Option.of(WANG)));
    assertThat(refusal(li.changeManager(Option.of(LI), stamp(hours(1)))))
        .isEqualTo("employee.manager.self");
    assertThat(refusal(li.changeManager(Option.of(WANG), stamp(hours(1)))))
        .isEqualTo("employee.manager.unchanged");
  }

  @Test
  void deactivatesOnceAndThenTakesNoNewTeamOrRole() {
    Employee inactive = accepted(li().deactivate(stamp(hours(1))));
    assertThat(inactive.active()).isFalse();
    assertThat(refusal(inactive.deactivate(stamp(hours(2))))).isEqualTo("employee.already_inactive");
    assertThat(refusal(inactive.joinTeam(STORE, stamp(hours(2))))).isEqualTo("employee.inactive");
    assertThat(refusal(inactive.grantRole(Role.ADMIN, stamp(hours(2))))).isEqualTo("employee.inactive");
    assertThat(accepted(inactive.leaveTeam(CALL_CENTER, stamp(hours(2)))).teams()).isEmpty();
    Employee back = accepted(inactive.reactivate(stamp(hours(3))));
    assertThat(back.active()).isTrue();
    assertThat(refusal(back.reactivate(stamp(hours(4))))).isEqualTo("employee.already_active");
  }

  @Test
  void rebuildsFromItsComponentsAndChecksThem() {
    Employee li = li();
    assertThat(new Employee(li.id(), li.displayName(), li.active(), li.teams(), li.roles(),
        li.manager())).isEqualTo(li);
    assertThatThrownBy(() -> new Employee(LI, "", true, HashSet.empty(), HashSet.empty(),
        Option.of(LI))).isInstanceOfSatisfying(InvalidValueException.class, problem ->
            assertThat(problem.violations()).extracting(Violation::code)
                .containsExactly("employee.name.blank", "employee.manager.self"));
  }
}
