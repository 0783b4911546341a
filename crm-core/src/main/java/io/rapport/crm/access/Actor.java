package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Says who is acting, as an access policy needs to know it: an employee (with the teams they
 * belong to, the teams they manage and their roles) or a system (an integration, a batch job,
 * with roles of its own). Immutable and thread-safe.
 *
 * @param id the actor id recorded in events and the audit log
 * @param kind an employee or a system
 * @param employee the employee, for an employee actor
 * @param teams the teams the actor belongs to
 * @param manages the teams the actor manages (a manager sees the team's records)
 * @param roles the actor's role codes, such as {@code agent} or {@code finance}
 */
public record Actor(ActorId id, Kind kind, Option<EmployeeId> employee, Set<TeamId> teams,
    Set<TeamId> manages, Set<String> roles) {

  /** Names the two kinds of actor. */
  public enum Kind {
    /** A person working in the CRM. */
    EMPLOYEE,
    /** A program acting on its own behalf. */
    SYSTEM
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if an employee actor has no employee, or a system has one
   */
  public Actor {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(employee, "employee");
    requireNonNull(teams, "teams");
    requireNonNull(manages, "manages");
    requireNonNull(roles, "roles");
    if ((kind == Kind.EMPLOYEE) != employee.isDefined()) {
      throw new IllegalArgumentException("An employee actor names its employee; a system does not");
    }
  }

  /**
   * Returns an employee acting with their teams and roles.
   *
   * @param employee the employee
   * @param teams the teams they belong to
   * @param roles their role codes
   * @return the actor
   */
  public static Actor employee(EmployeeId employee, Set<TeamId> teams, Set<String> roles) {
    requireNonNull(employee, "employee");
    return new Actor(ActorId.parse(employee.value()), Kind.EMPLOYEE, Option.some(employee), teams,
        HashSet.empty(), roles);
  }

  /**
   * Returns a system acting with roles of its own.
   *
   * @param name the system's name, an id value such as {@code erp-sync}
   * @param roles its role codes
   * @return the actor
   */
  public static Actor system(String name, Set<String> roles) {
    return new Actor(ActorId.parse(name), Kind.SYSTEM, Option.none(), HashSet.empty(),
        HashSet.empty(), roles);
  }

  /** Returns this actor also managing the given teams. */
  public Actor managing(Set<TeamId> managed) {
    return new Actor(id, kind, employee, teams, manages.addAll(managed), roles);
  }
}
