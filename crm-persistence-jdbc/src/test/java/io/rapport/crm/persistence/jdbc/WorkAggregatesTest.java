package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.work.EmployeeRepository;
import io.rapport.crm.persistence.work.TeamRepository;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.testkit.generators.WorkGenerators;
import io.rapport.crm.work.Employee;
import io.rapport.crm.work.Role;
import io.rapport.crm.work.Team;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregates without a contract suite of their own (employees and teams) round-trip through
 * the JDBC adapter and answer their queries, on both databases: generated employees and teams
 * are stored, read back equal, and each team's members and each role's active holders are exactly
 * those a filter over the generated ones finds.
 */
class WorkAggregatesTest {

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2", (Supplier<JdbcCrmStore>) Databases::freshH2),
        Arguments.of("PostgreSQL", (Supplier<JdbcCrmStore>) Databases::freshPostgres));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void employeesAndTeamsRoundTripAndAnswerTheirQueries(String database,
      Supplier<JdbcCrmStore> fresh) {
    Map<String, Employee> employees = new LinkedHashMap<>();
    Map<String, Team> teams = new LinkedHashMap<>();
    Theories.qt().withExamples(60).forAll(WorkGenerators.employees(), WorkGenerators.teams())
        .checkAssert((employee, team) -> {
          employees.put(employee.id().value(), employee);
          teams.put(team.id().value(), team);
        });
    try (CrmStore store = fresh.get()) {
      EmployeeRepository employeeRepository = EmployeeRepository.in(store);
      TeamRepository teamRepository = TeamRepository.in(store);
      employees.values().forEach(e -> assertThat(employeeRepository.save(e, Version.NEW).isRight()).isTrue());
      teams.values().forEach(t -> assertThat(teamRepository.save(t, Version.NEW).isRight()).isTrue());

      employees.values().forEach(e ->
          assertThat(employeeRepository.find(e.id()).map(Versioned::value)).containsExactly(e));
      teams.values().forEach(t ->
          assertThat(teamRepository.find(t.id()).map(Versioned::value)).containsExactly(t));

      for (TeamId team : List.ofAll(employees.values()).flatMap(Employee::teams).distinct()) {
        List<String> expected = List.ofAll(employees.values())
            .filter(e -> e.teams().contains(team)).map(e -> e.id().value()).sorted();
        assertThat(readAll(after -> employeeRepository.inTeam(team, after, 3)))
            .as("members of %s", team).isEqualTo(expected);
      }
      for (Role role : List.ofAll(employees.values()).flatMap(Employee::roles).distinct()) {
        List<String> expected = List.ofAll(employees.values())
            .filter(e -> e.active() && e.roles().contains(role)).map(e -> e.id().value()).sorted();
        assertThat(readAll(after -> employeeRepository.withRole(role, after, 3)))
            .as("active holders of %s", role).isEqualTo(expected);
      }
    }
  }

  private static List<String> readAll(
      java.util.function.Function<Option<IndexCursor>, Page<Versioned<Employee>, IndexCursor>> page) {
    List<String> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Employee>, IndexCursor> next = page.apply(after);
      ids = ids.appendAll(next.items().map(e -> e.value().id().value()));
      after = next.next();
    } while (after.isDefined());
    return ids;
  }
}
