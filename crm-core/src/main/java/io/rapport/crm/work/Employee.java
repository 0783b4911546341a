package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Describes one employee: their display name, whether they are active, their teams and roles, and
 * their manager. Immutable and thread-safe.
 *
 * <p>{@link #register(EmployeeId, EmployeeDraft, EventStamp) register} checks outside input and
 * reports every problem at once; every other command answers
 * {@code Either<EmployeeRejection, Transition<Employee>>} with one {@link EmployeeEvent}. A
 * deactivated employee keeps their history but takes no new team or role until reactivated.
 *
 * <p>Team membership is recorded on both sides: here, and on the {@link Team}. A host keeps them
 * in step with a policy that answers {@link TeamMemberAdded} with {@link #joinTeam} (and the
 * removal with {@link #leaveTeam}).
 *
 * @param id the employee's id
 * @param displayName the name colleagues see, not blank, at most {@value #MAX_NAME} characters
 * @param active whether the employee takes work
 * @param teams the teams the employee belongs to
 * @param roles what the employee may do
 * @param manager the employee's manager, if any; never the employee
 */
public record Employee(EmployeeId id, String displayName, boolean active, Set<TeamId> teams,
    Set<Role> roles, Option<EmployeeId> manager) implements Aggregate<EmployeeId> {

  /** The longest display name, in characters. */
  public static final int MAX_NAME = 120;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or the manager is null
   * @throws InvalidValueException if the name is blank ({@code employee.name.blank}) or too long
   *     ({@code employee.name.too_long}), or the employee is their own manager
   *     ({@code employee.manager.self})
   */
  public Employee {
    requireNonNull(id, "id");
    requireNonNull(displayName, "displayName");
    requireNonNull(teams, "teams");
    requireNonNull(roles, "roles");
    requireNonNull(manager, "manager");
    teams.forEach(team -> requireNonNull(team, "teams element"));
    roles.forEach(role -> requireNonNull(role, "roles element"));
    manager.forEach(boss -> requireNonNull(boss, "manager"));
    List<Violation> violations = nameProblems(displayName);
    if (manager.contains(id)) {
      violations = violations.append(selfManaged(id));
    }
    Checks.orThrow(violations);
  }

  /**
   * Registers a new, active employee from outside input, checking every part at once. The name is
   * stripped of surrounding white space.
   *
   * <p>Violations (field in brackets): {@code employee.name.blank},
   * {@code employee.name.too_long} (displayName); {@code role.missing}, {@code role.blank},
   * {@code role.too_long}, {@code role.malformed} (such as {@code roles[1]});
   * {@code employee.team.missing} (such as {@code teams[0]}); {@code employee.manager.self}
   * (manager).
   *
   * @param id the new employee's id
   * @param draft what the caller asks for
   * @param stamp the event's id, time and actor
   * @return the employee with an {@link EmployeeRegistered} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Employee>> register(EmployeeId id,
      EmployeeDraft draft, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    String name = Checks.strip(draft.displayName());
    List<Violation> violations = nameProblems(name);
    Set<Role> roles = HashSet.empty();
    for (int i = 0; i < draft.roles().size(); i++) {
      Validation<Seq<Violation>, Role> role =
          Role.validated(draft.roles().get(i), "roles[" + i + "]");
      if (role.isValid()) {
        roles = roles.add(role.get());
      } else {
        violations = violations.appendAll(role.getError());
      }
    }
    for (int i = 0; i < draft.teams().size(); i++) {
      if (draft.teams().get(i) == null) {
        violations = violations.append(Violation.of("employee.team.missing",
            "teams[" + i + "]", "A team must be a team id, not null"));
      }
    }
    if (id.equals(draft.manager())) {
      violations = violations.append(selfManaged(id));
    }
    if (!violations.isEmpty()) {
      return Validation.invalid(violations);
    }
    Employee employee = new Employee(id, name, true, HashSet.ofAll(draft.teams()), roles,
        Option.of(draft.manager()));
    return Validation.valid(Transition.of(employee, new EmployeeRegistered(stamp, id, name,
        employee.teams(), roles, employee.manager())));
  }

  /**
   * Changes the display name, stripped of surrounding white space.
   *
   * @param newName the new name, not blank, at most {@value #MAX_NAME} characters
   * @param stamp the event's id, time and actor
   * @return the new state with {@link EmployeeRenamed}, or {@code employee.name.blank},
   *     {@code employee.name.too_long}, {@code employee.name.unchanged}
   * @throws NullPointerException if an argument is null
   */
  public Either<EmployeeRejection, Transition<Employee>> rename(String newName, EventStamp stamp) {
    requireNonNull(newName, "newName");
    requireNonNull(stamp, "stamp");
    String name = newName.strip();
    EmployeeRejection.Reason refusal = name.isEmpty() ? EmployeeRejection.Reason.NAME_BLANK
        : name.length() > MAX_NAME ? EmployeeRejection.Reason.NAME_TOO_LONG
        : name.equals(displayName) ? EmployeeRejection.Reason.NAME_UNCHANGED
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Employee(id, name, active, teams, roles, manager),
        new EmployeeRenamed(stamp, id, displayName, name));
  }

  /**
   * Joins a team.
   *
   * @param team the team
   * @param stamp the event's id, time and actor
   * @return the new state with {@link EmployeeJoinedTeam}, or {@code employee.inactive},
   *     {@code employee.team.already_member}
   * @throws NullPointerException if an argument is null
   */
  public Either<EmployeeRejection, Transition<Employee>> joinTeam(TeamId team, EventStamp stamp) {
    requireNonNull(team, "team");
    requireNonNull(stamp, "stamp");
    EmployeeRejection.Reason refusal = !active ? EmployeeRejection.Reason.INACTIVE
        : teams.contains(team) ? EmployeeRejection.Reason.ALREADY_IN_TEAM
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Employee(id, displayName, active, teams.add(team), roles, manager),
        new EmployeeJoinedTeam(stamp, id, team));
  }

  /**
   * Leaves a team; allowed for an inactive employee too.
   *
   * @param team the team
   * @param stamp the event's id, time and actor
   * @return the new state with {@link EmployeeLeftTeam}, or {@code employee.team.not_member}
   * @throws NullPointerException if an argument is null
   */
  public Either<EmployeeRejection, Transition<Employee>> leaveTeam(TeamId team, EventStamp stamp) {
    requireNonNull(team, "team");
    requireNonNull(stamp, "stamp");
    return !teams.contains(team) ? refuse(EmployeeRejection.Reason.NOT_IN_TEAM) : accept(
        new Employee(id, displayName, active, teams.remove(team), roles, manager),
        new EmployeeLeftTeam(stamp, id, team));
  }

  /**
   * Grants a role.
   *
   * @param role the role
   * @param stamp the event's id, time and actor
   * @return the new state with {@link RoleGranted}, or {@code employee.inactive},
   *     {@code employee.role.already_granted}
   * @throws NullPointerException if an argument is null
   */
  public Either<EmployeeRejection, Transition<Employee>> grantRole(Role role, EventStamp stamp) {
    requireNonNull(role, "role");
    requireNonNull(stamp, "stamp");
    EmployeeRejection.Reason refusal = !active ? EmployeeRejection.Reason.INACTIVE
        : roles.contains(role) ? EmployeeRejection.Reason.ALREADY_HAS_ROLE
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Employee(id, displayName, active, teams, roles.add(role), manager),
        new RoleGranted(stamp, id, role));
  }

  /**
   * Revokes a role; allowed for an inactive employee too.
   *
   * @param role the role
   * @param stamp the event's id, time and actor
   * @return the new state with {@link RoleRevoked}, or {@code employee.role.not_granted}
   * @throws NullPointerException if an argument is null
   */
  public Either<EmployeeRejection, Transition<Employee>> revokeRole(Role role, EventStamp stamp) {
    requireNonNull(role, "role");
    requireNonNull(stamp, "stamp");
    return !roles.contains(role) ? refuse(EmployeeRejection.Reason.ROLE_NOT_HELD) : accept(
        new Employee(id, displayName, active, teams, roles.remove(role), manager),
        new RoleRevoked(stamp, id, role));
  }

  /**
   * Sets or clears the manager.
   *
   * @param newManager the new manager, or empty for none; not the employee
   * @param stamp the event's id, time and actor
   * @return the new state with {@link EmployeeManagerChanged}, or {@code employee.manager.self},
   *     {@code employee.manager.unchanged}
   * @throws NullPointerException if an argument is null
   */
  public Either<EmployeeRejection, Transition<Employee>> changeManager(
      Option<EmployeeId> newManager, EventStamp stamp) {
    requireNonNull(newManager, "newManager");
    requireNonNull(stamp, "stamp");
    newManager.forEach(boss -> requireNonNull(boss, "newManager"));
    EmployeeRejection.Reason refusal = newManager.contains(id)
        ? EmployeeRejection.Reason.MANAGER_SELF
        : newManager.equals(manager) ? EmployeeRejection.Reason.MANAGER_UNCHANGED
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Employee(id, displayName, active, teams, roles, newManager),
        new EmployeeManagerChanged(stamp, id, manager, newManager));
  }

  /**
   * Deactivates the employee: they keep their teams, roles and history but take no new team or
   * role, and work assignment should pass them over.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link EmployeeDeactivated}, or {@code employee.already_inactive}
   * @throws NullPointerException if stamp is null
   */
  public Either<EmployeeRejection, Transition<Employee>> deactivate(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return !active ? refuse(EmployeeRejection.Reason.ALREADY_INACTIVE) : accept(
        new Employee(id, displayName, false, teams, roles, manager),
        new EmployeeDeactivated(stamp, id));
  }

  /**
   * Makes a deactivated employee active again.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link EmployeeReactivated}, or {@code employee.already_active}
   * @throws NullPointerException if stamp is null
   */
  public Either<EmployeeRejection, Transition<Employee>> reactivate(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    return active ? refuse(EmployeeRejection.Reason.ALREADY_ACTIVE) : accept(
        new Employee(id, displayName, true, teams, roles, manager),
        new EmployeeReactivated(stamp, id));
  }

  /**
   * Tells whether the employee has a role.
   *
   * @param role the role
   * @return true if granted
   * @throws NullPointerException if role is null
   */
  public boolean hasRole(Role role) {
    return roles.contains(requireNonNull(role, "role"));
  }

  private Either<EmployeeRejection, Transition<Employee>> refuse(EmployeeRejection.Reason reason) {
    return Either.left(new EmployeeRejection(reason, id, active, teams, roles));
  }

  private static Either<EmployeeRejection, Transition<Employee>> accept(Employee next,
      EmployeeEvent event) {
    return Either.right(Transition.of(next, event));
  }

  private static List<Violation> nameProblems(String name) {
    return Checks.requiredText(name, MAX_NAME, "employee.name", "displayName", "A display name");
  }

  private static Violation selfManaged(EmployeeId id) {
    return Violation.of("employee.manager.self", "manager",
        "An employee cannot be their own manager: " + id);
  }
}
