package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Set;
import java.time.Instant;

/**
 * Refuses a command on a {@link Lead} and gives what the caller needs to act: the status the lead
 * is in, the statuses it may move to from there (see the table on {@link LeadStatus}), and when it
 * last changed. A refused command changes nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param lead the lead's id
 * @param status the lead's current status
 * @param allowed the statuses the current one may move to, as {@link LeadStatus#allowedNext()}
 * @param lastChangedAt when the lead last changed; no command may be dated before it
 */
public record LeadRejection(Reason reason, LeadId lead, LeadStatus status,
    Set<LeadStatus> allowed, Instant lastChangedAt) implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** Any command on a converted lead: conversion is final. */
    CONVERTED("lead.converted"),
    /** A status move the table on {@link LeadStatus} does not allow from the current status. */
    MOVE_NOT_ALLOWED("lead.status.move_not_allowed"),
    /** A status move to the status the lead already has. */
    STATUS_UNCHANGED("lead.status.unchanged"),
    /** A command dated before the lead's last change. */
    OUT_OF_ORDER("lead.out_of_order"),
    /** A score outside 0 to 100. */
    SCORE_OUT_OF_RANGE("lead.score.out_of_range"),
    /** A score equal to the lead's current score. */
    SCORE_UNCHANGED("lead.score.unchanged"),
    /** A qualification equal to the lead's current one. */
    QUALIFICATION_UNCHANGED("lead.qualification.unchanged"),
    /** A contact point whose value the lead already has. */
    CONTACT_DUPLICATE("lead.contact.duplicate"),
    /** An attribute name that is not lower-case letters, digits and {@code . _ -}. */
    ATTRIBUTE_NAME_MALFORMED("lead.attribute.name.malformed"),
    /** A blank attribute value. */
    ATTRIBUTE_VALUE_BLANK("lead.attribute.value.blank"),
    /** An attribute value longer than {@value Lead#MAX_ATTRIBUTE_VALUE} characters. */
    ATTRIBUTE_VALUE_TOO_LONG("lead.attribute.value.too_long"),
    /** An attribute set to the value it already has. */
    ATTRIBUTE_UNCHANGED("lead.attribute.unchanged"),
    /** The removal of an attribute the lead does not have. */
    ATTRIBUTE_UNKNOWN("lead.attribute.unknown"),
    /** An assignment to the owner and team the lead already has. */
    ASSIGNMENT_UNCHANGED("lead.assignment.unchanged"),
    /** A disqualification reason that is not a code such as {@code no_budget}. */
    DISQUALIFICATION_REASON_MALFORMED("lead.disqualification.reason.malformed"),
    /** A blank disqualification note. */
    DISQUALIFICATION_NOTE_BLANK("lead.disqualification.note.blank"),
    /** A disqualification note longer than {@value Disqualification#MAX_NOTE} characters. */
    DISQUALIFICATION_NOTE_TOO_LONG("lead.disqualification.note.too_long");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code lead.converted}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LeadRejection {
    requireNonNull(reason, "reason");
    requireNonNull(lead, "lead");
    requireNonNull(status, "status");
    requireNonNull(allowed, "allowed");
    requireNonNull(lastChangedAt, "lastChangedAt");
  }

  /** Returns the reason's code, such as {@code lead.converted}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Describes the refusal, naming the current status and the statuses allowed from it. */
  @Override
  public String message() {
    String where = "lead " + lead + " is " + status + " (may move to "
        + (allowed.isEmpty() ? "nothing" : allowed.mkString(", ")) + ")";
    switch (reason) {
      case CONVERTED:
        return "A converted lead is final; work on its customer and opportunity: " + where;
      case MOVE_NOT_ALLOWED:
        return "That status move is not allowed: " + where;
      case STATUS_UNCHANGED:
        return "The lead already has that status: " + where;
      case SCORE_OUT_OF_RANGE:
        return "A score is 0 to 100";
      case SCORE_UNCHANGED:
        return "The lead " + lead + " already has that score";
      case QUALIFICATION_UNCHANGED:
        return "The lead " + lead + " already has that qualification";
      case CONTACT_DUPLICATE:
        return "The lead " + lead + " already has that contact point";
      case ATTRIBUTE_NAME_MALFORMED:
        return "An attribute name has 1 to 64 lower-case letters, digits, '.', '_' and '-', "
            + "starting with a letter";
      case ATTRIBUTE_VALUE_BLANK:
        return "An attribute value must not be blank; remove the attribute instead";
      case ATTRIBUTE_VALUE_TOO_LONG:
        return "An attribute value has at most " + Lead.MAX_ATTRIBUTE_VALUE + " characters";
      case ATTRIBUTE_UNCHANGED:
        return "The lead " + lead + " already has that attribute value";
      case ATTRIBUTE_UNKNOWN:
        return "The lead " + lead + " has no such attribute";
      case ASSIGNMENT_UNCHANGED:
        return "The lead " + lead + " already has that owner and team";
      case DISQUALIFICATION_REASON_MALFORMED:
        return "A disqualification reason is a code such as no_budget or spam";
      case DISQUALIFICATION_NOTE_BLANK:
        return "A disqualification note must not be blank; leave it out instead";
      case DISQUALIFICATION_NOTE_TOO_LONG:
        return "A disqualification note has at most " + Disqualification.MAX_NOTE + " characters";
      default:
        return "A command on " + lead + " cannot be dated before its last change, at "
            + lastChangedAt;
    }
  }
}
