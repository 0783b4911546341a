package io.rapport.crm.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Writes the readable explanation of SLA target states: one line per target. */
final class SlaExplanation {

  private final ZoneId zone;
  private LocalDate lastDate;

  private SlaExplanation(ZoneId zone) {
    this.zone = zone;
  }

  /** Returns the line of one target in a zone. */
  static String line(SlaTargetState state, ZoneId zone) {
    return new SlaExplanation(zone).write(state);
  }

  /** Names a target cycle: first response, next response #2, resolution. */
  static String name(SlaTargetKind kind, int cycle) {
    return SlaChecks.describe(kind) + (kind == SlaTargetKind.NEXT_RESPONSE ? " #" + cycle : "");
  }

  private String write(SlaTargetState state) {
    StringBuilder line = new StringBuilder(name(state.target(), state.cycle())).append(": ");
    Duration over = state.elapsed().minus(state.allowed());
    String used = duration(state.elapsed()) + " of " + duration(state.allowed());
    switch (state.phase()) {
      case RUNNING:
        line.append("running, ").append(used).append(" used");
        state.dueAt().forEach(due -> line.append(", due ").append(time(due)));
        break;
      case PAUSED:
        line.append("paused, ").append(used).append(" used");
        break;
      case BREACHED:
        line.append("breached by ").append(duration(over));
        state.dueAt().forEach(due -> line.append(", due ").append(time(due)));
        if (state.dueAt().isEmpty()) {
          line.append(", paused");
        }
        break;
      case MET:
        line.append("met in ").append(used);
        state.stoppedAt().forEach(at -> line.append(", at ").append(time(at)));
        break;
      case MET_LATE:
        line.append("met late by ").append(duration(over));
        state.stoppedAt().forEach(at -> line.append(", at ").append(time(at)));
        break;
      default:
        line.append("cancelled");
        state.stoppedAt().forEach(at -> line.append(" at ").append(time(at)));
        line.append(" after ").append(used);
        break;
    }
    String separator = "; ";
    lastDate = null;
    for (SlaInterval interval : state.intervals()) {
      line.append(separator);
      separator = ", ";
      line.append(interval.running() ? "ran " : "paused ")
          .append(time(interval.start())).append('–').append(time(interval.end()));
      if (interval.running()) {
        line.append(" (").append(duration(interval.counted())).append(')');
      } else {
        line.append(' ').append(reason(interval.status()));
      }
    }
    return line.toString();
  }

  /** Prints a time, with its date when the date changed since the last time printed. */
  private String time(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    String clock = two(local.getHour()) + ":" + two(local.getMinute())
        + (local.getSecond() == 0 ? "" : ":" + two(local.getSecond()));
    if (local.toLocalDate().equals(lastDate)) {
      return clock;
    }
    lastDate = local.toLocalDate();
    return lastDate + " " + clock;
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  private static String reason(TicketStatus status) {
    switch (status) {
      case PENDING_CUSTOMER:
        return "waiting on the customer";
      case PENDING_THIRD_PARTY:
        return "waiting on a third party";
      case RESOLVED:
        return "resolved";
      case CLOSED:
        return "closed";
      case SPAM:
        return "marked as spam";
      default:
        return status.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Prints a duration as hours, minutes and seconds: 1h 20m, 45m, 3h, 20s. */
  static String duration(Duration duration) {
    if (duration.isZero()) {
      return "0m";
    }
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "<1s";
    }
    StringBuilder text = new StringBuilder();
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(text.length() > 0 ? " " : "").append(minutes).append('m');
    }
    if (rest > 0) {
      text.append(text.length() > 0 ? " " : "").append(rest).append('s');
    }
    return text.toString();
  }
}
