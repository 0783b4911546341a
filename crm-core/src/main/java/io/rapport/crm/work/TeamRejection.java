package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Refuses a command on a {@link Team} and gives what the caller needs to act: the team's current
 * members and lead. A refused command changes nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param team the team's id
 * @param members the team's current members
 * @param lead the team's current lead, if any
 */
public record TeamRejection(Reason reason, TeamId team, Set<EmployeeId> members,
    Option<EmployeeId> lead) implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** A blank new name. */
    NAME_BLANK("team.name.blank"),
    /** A new name longer than {@value Team#MAX_NAME} characters. */
    NAME_TOO_LONG("team.name.too_long"),
    /** A rename to the current name. */
    NAME_UNCHANGED("team.name.unchanged"),
    /** Adding an employee who is already a member. */
    ALREADY_MEMBER("team.member.already_member"),
    /** Removing or making lead an employee who is not a member. */
    NOT_MEMBER("team.member.not_member"),
    /** Removing the lead; change the lead first. */
    MEMBER_IS_LEAD("team.member.is_lead"),
    /** A lead change to the current lead. */
    LEAD_UNCHANGED("team.lead.unchanged"),
    /** A calendar change to the current calendar. */
    CALENDAR_UNCHANGED("team.calendar.unchanged");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code team.member.is_lead}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TeamRejection {
    requireNonNull(reason, "reason");
    requireNonNull(team, "team");
    requireNonNull(members, "members");
    requireNonNull(lead, "lead");
  }

  /** Returns the reason's code, such as {@code team.member.not_member}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Describes the refusal with the team's members and lead. */
  @Override
  public String message() {
    return "Refused (" + reason.code() + ") for team " + team + ", with members ["
        + members.map(EmployeeId::value).toSortedSet().mkString(", ") + "] and lead "
        + lead.map(EmployeeId::value).getOrElse("none");
  }
}
