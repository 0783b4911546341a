package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.BusinessCalendar;
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
 * Groups employees who share work and a working calendar, such as the call center or a store's
 * sales floor; the calendar is what the team's activities are measured on for overdue and SLA
 * time. Immutable and thread-safe.
 *
 * <p>{@link #form(TeamId, String, BusinessCalendar, EventStamp) form} checks outside input; every
 * other command answers {@code Either<TeamRejection, Transition<Team>>} with one
 * {@link TeamEvent}. The lead is always a member.
 *
 * @param id the team's id
 * @param name the team's name, not blank, at most {@value #MAX_NAME} characters
 * @param lead the team's lead, if any; a member
 * @param calendar when the team works
 * @param members who belongs to the team
 */
public record Team(TeamId id, String name, Option<EmployeeId> lead, BusinessCalendar calendar,
    Set<EmployeeId> members) implements Aggregate<TeamId> {

  /** The longest team name, in characters. */
  public static final int MAX_NAME = 120;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a member or the lead is null
   * @throws InvalidValueException if the name is blank ({@code team.name.blank}) or too long
   *     ({@code team.name.too_long}), or the lead is not a member ({@code team.lead.not_member})
   */
  public Team {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(lead, "lead");
    requireNonNull(calendar, "calendar");
    requireNonNull(members, "members");
    lead.forEach(employee -> requireNonNull(employee, "lead"));
    members.forEach(employee -> requireNonNull(employee, "members element"));
    List<Violation> violations = nameProblems(name);
    if (lead.exists(employee -> !members.contains(employee))) {
      violations = violations.append(Violation.of("team.lead.not_member", "lead",
          "A team's lead is one of its members, but " + lead.get() + " is not"));
    }
    Checks.orThrow(violations);
  }

  /**
   * Forms a team without members from outside input. The name is stripped of surrounding white
   * space.
   *
   * @param id the new team's id
   * @param name the name, possibly null
   * @param calendar when the team works
   * @param stamp the event's id, time and actor
   * @return the team with a {@link TeamFormed} event, or the violations on field {@code name}:
   *     {@code team.name.blank}, {@code team.name.too_long}
   * @throws NullPointerException if id, calendar or stamp is null
   */
  public static Validation<Seq<Violation>, Transition<Team>> form(TeamId id, String name,
      BusinessCalendar calendar, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(calendar, "calendar");
    requireNonNull(stamp, "stamp");
    String stripped = Checks.strip(name);
    Seq<Violation> violations = nameProblems(stripped);
    if (!violations.isEmpty()) {
      return Validation.invalid(violations);
    }
    Team team = new Team(id, stripped, Option.none(), calendar, HashSet.empty());
    return Validation.valid(Transition.of(team, new TeamFormed(stamp, id, stripped, calendar)));
  }

  /**
   * Renames the team, stripping surrounding white space.
   *
   * @param newName the new name, not blank, at most {@value #MAX_NAME} characters
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TeamRenamed}, or {@code team.name.blank},
   *     {@code team.name.too_long}, {@code team.name.unchanged}
   * @throws NullPointerException if an argument is null
   */
  public Either<TeamRejection, Transition<Team>> rename(String newName, EventStamp stamp) {
    requireNonNull(newName, "newName");
    requireNonNull(stamp, "stamp");
    String stripped = newName.strip();
    TeamRejection.Reason refusal = stripped.isEmpty() ? TeamRejection.Reason.NAME_BLANK
        : stripped.length() > MAX_NAME ? TeamRejection.Reason.NAME_TOO_LONG
        : stripped.equals(name) ? TeamRejection.Reason.NAME_UNCHANGED
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Team(id, stripped, lead, calendar, members),
        new TeamRenamed(stamp, id, name, stripped));
  }

  /**
   * Adds a member.
   *
   * @param employee the new member
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TeamMemberAdded}, or {@code team.member.already_member}
   * @throws NullPointerException if an argument is null
   */
  public Either<TeamRejection, Transition<Team>> addMember(EmployeeId employee, EventStamp stamp) {
    requireNonNull(employee, "employee");
    requireNonNull(stamp, "stamp");
    return members.contains(employee) ? refuse(TeamRejection.Reason.ALREADY_MEMBER) : accept(
        new Team(id, name, lead, calendar, members.add(employee)),
        new TeamMemberAdded(stamp, id, employee));
  }

  /**
   * Removes a member who is not the lead.
   *
   * @param employee the member to remove
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TeamMemberRemoved}, or {@code team.member.not_member},
   *     {@code team.member.is_lead}
   * @throws NullPointerException if an argument is null
   */
  public Either<TeamRejection, Transition<Team>> removeMember(EmployeeId employee,
      EventStamp stamp) {
    requireNonNull(employee, "employee");
    requireNonNull(stamp, "stamp");
    TeamRejection.Reason refusal = !members.contains(employee) ? TeamRejection.Reason.NOT_MEMBER
        : lead.contains(employee) ? TeamRejection.Reason.MEMBER_IS_LEAD
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Team(id, name, lead, calendar, members.remove(employee)),
        new TeamMemberRemoved(stamp, id, employee));
  }

  /**
   * Makes a member the lead, or leaves the team without one.
   *
   * @param newLead a member, or empty for no lead
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TeamLeadChanged}, or {@code team.member.not_member},
   *     {@code team.lead.unchanged}
   * @throws NullPointerException if an argument is null
   */
  public Either<TeamRejection, Transition<Team>> changeLead(Option<EmployeeId> newLead,
      EventStamp stamp) {
    requireNonNull(newLead, "newLead");
    requireNonNull(stamp, "stamp");
    newLead.forEach(employee -> requireNonNull(employee, "newLead"));
    TeamRejection.Reason refusal = newLead.exists(employee -> !members.contains(employee))
        ? TeamRejection.Reason.NOT_MEMBER
        : newLead.equals(lead) ? TeamRejection.Reason.LEAD_UNCHANGED
        : null;
    return refusal != null ? refuse(refusal) : accept(
        new Team(id, name, newLead, calendar, members),
        new TeamLeadChanged(stamp, id, lead, newLead));
  }

  /**
   * Replaces the team's working calendar.
   *
   * @param newCalendar the new calendar
   * @param stamp the event's id, time and actor
   * @return the new state with {@link TeamCalendarChanged}, or {@code team.calendar.unchanged}
   * @throws NullPointerException if an argument is null
   */
  public Either<TeamRejection, Transition<Team>> changeCalendar(BusinessCalendar newCalendar,
      EventStamp stamp) {
    requireNonNull(newCalendar, "newCalendar");
    requireNonNull(stamp, "stamp");
    return newCalendar.equals(calendar) ? refuse(TeamRejection.Reason.CALENDAR_UNCHANGED) : accept(
        new Team(id, name, lead, newCalendar, members),
        new TeamCalendarChanged(stamp, id, newCalendar));
  }

  private Either<TeamRejection, Transition<Team>> refuse(TeamRejection.Reason reason) {
    return Either.left(new TeamRejection(reason, id, members, lead));
  }

  private static Either<TeamRejection, Transition<Team>> accept(Team next, TeamEvent event) {
    return Either.right(Transition.of(next, event));
  }

  private static List<Violation> nameProblems(String name) {
    return Checks.requiredText(name, MAX_NAME, "team.name", "name", "A team name");
  }
}
