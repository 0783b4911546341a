package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Holds what a caller asks for when registering an employee, unchecked: outside input, where a
 * null component means "not given". {@link Employee#register(EmployeeId, EmployeeDraft,
 * io.rapport.crm.kernel.EventStamp)} checks it and reports every problem at once. Immutable and
 * thread-safe.
 *
 * @param displayName the name colleagues see; required, at most {@value Employee#MAX_NAME}
 *     characters
 * @param roles role codes such as {@code agent}; null means none
 * @param teams the teams the employee belongs to; null means none
 * @param manager the employee's manager, possibly null; not the employee
 */
public record EmployeeDraft(String displayName, Seq<String> roles, Seq<TeamId> teams,
    EmployeeId manager) {

  /** Replaces null role and team lists with empty ones; the other components may be null. */
  public EmployeeDraft {
    roles = roles == null ? List.empty() : roles;
    teams = teams == null ? List.empty() : teams;
  }

  /**
   * Starts a draft with a display name and nothing else.
   *
   * @param displayName the name, possibly null
   * @return the draft
   */
  public static EmployeeDraft of(String displayName) {
    return new EmployeeDraft(displayName, null, null, null);
  }

  /**
   * Returns this draft with role codes.
   *
   * @param codes the codes, such as {@code agent}, possibly null
   * @return the new draft
   * @throws NullPointerException if the array is null
   */
  public EmployeeDraft withRoles(String... codes) {
    return new EmployeeDraft(displayName, List.of(requireNonNull(codes, "codes")), teams, manager);
  }

  /**
   * Returns this draft with teams.
   *
   * @param ids the teams
   * @return the new draft
   * @throws NullPointerException if the array is null
   */
  public EmployeeDraft withTeams(TeamId... ids) {
    return new EmployeeDraft(displayName, roles, List.of(requireNonNull(ids, "ids")), manager);
  }

  /**
   * Returns this draft with a manager.
   *
   * @param id the manager, possibly null
   * @return the new draft
   */
  public EmployeeDraft withManager(EmployeeId id) {
    return new EmployeeDraft(displayName, roles, teams, id);
  }
}
