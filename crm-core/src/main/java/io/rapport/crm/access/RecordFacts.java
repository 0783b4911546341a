package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.control.Option;

/**
 * Says what an access policy needs to know about one record: its aggregate type, its id, and who
 * owns it (an employee and/or a team). Read from an aggregate by its {@link AccessFacts}.
 * Immutable and thread-safe.
 *
 * @param type the aggregate type's name, such as {@code customer}
 * @param id the record's id value
 * @param owner the employee who owns the record, if any
 * @param team the team that owns the record, if any
 */
public record RecordFacts(String type, String id, Option<EmployeeId> owner, Option<TeamId> team) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public RecordFacts {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
  }
}
