package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Set;

/**
 * Refuses a command on an {@link Employee} and gives what the caller needs to act: whether the
 * employee is active, and their current teams and roles. A refused command changes nothing.
 * Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param employee the employee's id
 * @param active whether the employee is active
 * @param teams the employee's current teams
 * @param roles the employee's current roles
 */
public record EmployeeRejection(Reason reason, EmployeeId employee, boolean active,
    Set<TeamId> teams, Set<Role> roles) implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** A blank new display name. */
    NAME_BLANK("employee.name.blank"),
    /** A new display name longer than {@value Employee#MAX_NAME} characters. */
    NAME_TOO_LONG("employee.name.too_long"),
    /** A rename to the current display name. */
    NAME_UNCHANGED("employee.name.unchanged"),
    /** A new team or role for a deactivated employee. */
    INACTIVE("employee.inactive"),
    /** Joining a team the employee is already in. */
    ALREADY_IN_TEAM("employee.team.already_member"),
    /** Leaving a team the employee is not in. */
    NOT_IN_TEAM("employee.team.not_member"),
    /** Granting a role the employee already has. */
    ALREADY_HAS_ROLE("employee.role.already_granted"),
    /** Revoking a role the employee does not have. */
    ROLE_NOT_HELD("employee.role.not_granted"),
    /** Making an employee their own manager. */
    MANAGER_SELF("employee.manager.self"),
    /** A manager change to the current manager. */
    MANAGER_UNCHANGED("employee.manager.unchanged"),
    /** Deactivating an employee who is already inactive. */
    ALREADY_INACTIVE("employee.already_inactive"),
    /** Reactivating an employee who is active. */
    ALREADY_ACTIVE("employee.already_active");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code employee.already_inactive}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public EmployeeRejection {
    requireNonNull(reason, "reason");
    requireNonNull(employee, "employee");
    requireNonNull(teams, "teams");
    requireNonNull(roles, "roles");
  }

  /** Returns the reason's code, such as {@code employee.inactive}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Describes the refusal with the employee's state. */
  @Override
  public String message() {
    return "Refused (" + reason.code() + ") for employee " + employee + ", who is "
        + (active ? "active" : "inactive") + ", in teams [" + teams.map(TeamId::value).mkString(", ")
        + "] with roles [" + roles.mkString(", ") + "]";
  }
}
