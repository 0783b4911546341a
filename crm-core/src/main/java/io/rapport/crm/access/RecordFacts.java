package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Says what an access policy needs to know about one record: its aggregate type, its id, and who
 * owns it (an employee and/or a team). Read from an aggregate by its {@link AccessFacts}.
 * Immutable and thread-safe; two facts are equal when their type, id, owner and team are.
 *
 * <p>Facts made by {@link #of(String, Aggregate, Option, Option)} read the id from the aggregate
 * only when it is asked for: a store decorator makes facts for every record it reads, and most
 * policies decide by owner and team alone (see docs/guides/access.md, "Speed").
 */
public final class RecordFacts {

  private final String type;
  private final String id;
  private final Aggregate<?> aggregate;
  private final Option<EmployeeId> owner;
  private final Option<TeamId> team;

  /**
   * Makes the facts of a record whose id is known.
   *
   * @param type the aggregate type's name, such as {@code customer}
   * @param id the record's id value
   * @param owner the employee who owns the record, if any
   * @param team the team that owns the record, if any
   * @throws NullPointerException if an argument is null
   */
  public RecordFacts(String type, String id, Option<EmployeeId> owner, Option<TeamId> team) {
    this(type, requireNonNull(id, "id"), null, owner, team);
  }

  private RecordFacts(String type, String id, Aggregate<?> aggregate, Option<EmployeeId> owner,
      Option<TeamId> team) {
    this.type = requireNonNull(type, "type");
    this.id = id;
    this.aggregate = aggregate;
    this.owner = requireNonNull(owner, "owner");
    this.team = requireNonNull(team, "team");
  }

  /**
   * Makes the facts of an aggregate, reading its id only when {@link #id()} is asked.
   *
   * @param type the aggregate type's name, such as {@code customer}
   * @param aggregate the aggregate (its id must not be null)
   * @param owner the employee who owns the record, if any
   * @param team the team that owns the record, if any
   * @return the facts
   * @throws NullPointerException if an argument is null
   */
  public static RecordFacts of(String type, Aggregate<?> aggregate, Option<EmployeeId> owner,
      Option<TeamId> team) {
    return new RecordFacts(type, null, requireNonNull(aggregate, "aggregate"), owner, team);
  }

  /** Returns the aggregate type's name, such as {@code customer}. */
  public String type() {
    return type;
  }

  /** Returns the record's id value. */
  public String id() {
    return id != null ? id : aggregate.id().value();
  }

  /** Returns the employee who owns the record, if any. */
  public Option<EmployeeId> owner() {
    return owner;
  }

  /** Returns the team that owns the record, if any. */
  public Option<TeamId> team() {
    return team;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordFacts that && type.equals(that.type) && id().equals(that.id())
        && owner.equals(that.owner) && team.equals(that.team);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id(), owner, team);
  }

  @Override
  public String toString() {
    return "RecordFacts[type=" + type + ", id=" + id() + ", owner=" + owner + ", team=" + team
        + "]";
  }
}
