package io.rapport.crm.service;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * One replay of a ticket's signals under an {@link SlaClock}: a mutable walk, confined to the call
 * that made it, whose tracks become the immutable {@link SlaState}. The rules are documented on
 * {@link SlaClock}.
 */
final class SlaReplay {

  /** Counts time. */
  static final int RUNNING = 0;
  /** Counts nothing, waiting. */
  static final int PAUSED = 1;
  /** Stopped while the ticket is spam; resumes when it is not spam after all. */
  static final int SUSPENDED = 2;
  /** Stopped: met; only resolution resumes, on a reopen. */
  static final int MET = 3;
  /** Stopped for good. */
  static final int CANCELLED = 4;

  private final SlaClock clock;
  private final Instant asOf;
  private final boolean explain;

  private Track firstResponse;
  private Track resolution;
  private final ArrayList<Track> cycles = new ArrayList<>();
  private TicketStatus status;
  private boolean merged;
  private boolean agentReplied;
  private boolean cycleMayStart;

  // The last stretch measured, shared by the targets that counted it on the same terms.
  private Instant measuredStart;
  private Instant measuredEnd;
  private boolean measuredBusiness;
  private long measured;

  SlaReplay(SlaClock clock, Instant asOf, boolean explain) {
    this.clock = clock;
    this.asOf = asOf;
    this.explain = explain;
  }

  /** One cycle of one target as the replay goes. */
  final class Track {
    final SlaClock.Rule rule;
    final int cycle;
    final Instant startedAt;
    final ArrayList<SlaInterval> intervals;
    int mode;
    long elapsed;
    Instant stretchStart;
    TicketStatus stretchStatus;
    Instant warnReached;
    Instant dueReached;
    Instant stoppedAt;
    int kept;
    boolean resolvedAway;

    Track(SlaClock.Rule rule, int cycle, Instant at) {
      this.rule = rule;
      this.cycle = cycle;
      this.startedAt = at;
      this.intervals = explain ? new ArrayList<>() : null;
      this.stretchStart = at;
      this.stretchStatus = status;
      this.mode = mode(status);
    }

    boolean isLive() {
      return mode == RUNNING || mode == PAUSED || mode == SUSPENDED;
    }

    /** Ends the current stretch at a time, counting it if the clock ran. */
    void close(Instant at) {
      if (!at.isAfter(stretchStart)) {
        return;
      }
      long counted = 0;
      if (mode == RUNNING) {
        counted = measure(rule, stretchStart, at);
        long total = Math.addExact(elapsed, counted);
        if (warnReached == null && total >= rule.warn) {
          warnReached = clock.add(rule, stretchStart, rule.warn - elapsed);
        }
        if (dueReached == null && total >= rule.within) {
          dueReached = clock.add(rule, stretchStart, rule.within - elapsed);
        }
        elapsed = total;
      }
      if (intervals != null) {
        intervals.add(new SlaInterval(stretchStart, at, mode == RUNNING, stretchStatus,
            Duration.ofNanos(counted)));
      }
      stretchStart = at;
    }

    /** Moves to a new status, running or pausing. */
    void move(Instant at, TicketStatus next, int nextMode) {
      close(at);
      stretchStatus = next;
      mode = nextMode;
    }

    /** Stops the clock: met, cancelled or suspended. */
    void stop(Instant at, int how) {
      close(at);
      stretchStatus = status;
      mode = how;
      stoppedAt = at;
      kept = intervals == null ? 0 : intervals.size();
    }

    /** Starts the clock again after a stop, keeping the stopped stretch as a pause. */
    void resume(Instant at, TicketStatus next, int nextMode) {
      close(at);
      stretchStatus = next;
      mode = nextMode;
      stoppedAt = null;
    }

    SlaPhase phase() {
      boolean over = elapsed > rule.within;
      switch (mode) {
        case RUNNING:
          return over ? SlaPhase.BREACHED : SlaPhase.RUNNING;
        case PAUSED:
          return over ? SlaPhase.BREACHED : SlaPhase.PAUSED;
        case MET:
          return over ? SlaPhase.MET_LATE : SlaPhase.MET;
        default:
          return SlaPhase.CANCELLED;
      }
    }

    /** Returns the warning time: reached, or ahead if the clock runs. */
    Instant warnAt() {
      if (warnReached != null || mode != RUNNING) {
        return mode == PAUSED ? null : warnReached;
      }
      return clock.add(rule, asOf, rule.warn - elapsed);
    }

    /** Returns the due time: reached, or ahead if the clock runs. */
    Instant dueAt() {
      if (dueReached != null || mode != RUNNING) {
        return mode == PAUSED ? null : dueReached;
      }
      return clock.add(rule, asOf, rule.within - elapsed);
    }

    SlaTargetState state() {
      boolean stopped = !(mode == RUNNING || mode == PAUSED);
      int shown = intervals == null ? 0 : stopped ? kept : intervals.size();
      Seq<SlaInterval> stretches = shown == 0 ? Array.empty()
          : Array.ofAll(shown == intervals.size() ? intervals : intervals.subList(0, shown));
      return new SlaTargetState(rule.target.kind(), cycle, phase(), startedAt,
          rule.target.within(), Duration.ofNanos(elapsed), Option.of(warnAt()),
          Option.of(dueAt()), Option.of(stopped ? stoppedAt : null), stretches);
    }

    SlaDue due() {
      return new SlaDue(rule.target.kind(), cycle, warnAt(), dueAt());
    }
  }

  /** Returns the mode of a live clock in an active status. */
  private int mode(TicketStatus in) {
    return clock.runsIn(in) ? RUNNING : PAUSED;
  }

  private long measure(SlaClock.Rule rule, Instant start, Instant end) {
    boolean business = rule.target.businessHours();
    if (start.equals(measuredStart) && end.equals(measuredEnd) && business == measuredBusiness) {
      return measured;
    }
    long nanos = clock.measure(rule, start, end);
    measuredStart = start;
    measuredEnd = end;
    measuredBusiness = business;
    measured = nanos;
    return nanos;
  }

  void apply(SlaSignal signal) {
    Instant at = signal.at();
    if (status == null) {
      start(at);
    }
    if (merged) {
      return;
    }
    if (signal instanceof SlaSignal.StatusChanged) {
      changeStatus(at, ((SlaSignal.StatusChanged) signal).status());
    } else if (signal instanceof SlaSignal.AgentReplied) {
      agentReplied(at);
    } else {
      customerReplied(at);
    }
  }

  private void start(Instant at) {
    status = TicketStatus.NEW;
    if (clock.firstResponse() != null) {
      firstResponse = new Track(clock.firstResponse(), 0, at);
    }
    if (clock.resolution() != null) {
      resolution = new Track(clock.resolution(), 0, at);
    }
  }

  private Track currentCycle() {
    return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
  }

  private void changeStatus(Instant at, TicketStatus next) {
    if (next == status) {
      return;
    }
    status = next;
    Track cycle = currentCycle();
    switch (next) {
      case MERGED:
        merged = true;
        cancel(firstResponse, at);
        cancel(resolution, at);
        cancel(cycle, at);
        break;
      case RESOLVED:
      case CLOSED:
        resolveAway(firstResponse, at);
        resolveAway(cycle, at);
        if (resolution != null) {
          if (resolution.mode == SUSPENDED) {
            cancel(resolution, at);
          } else if (resolution.isLive()) {
            resolution.stop(at, MET);
          } else {
            resolution.move(at, next, resolution.mode);
          }
        }
        cycleMayStart = agentReplied;
        break;
      case SPAM:
        suspend(firstResponse, at);
        suspend(cycle, at);
        if (resolution != null && resolution.mode == MET) {
          resolution.move(at, next, MET);
        } else {
          suspend(resolution, at);
        }
        break;
      default:
        int mode = mode(next);
        carryOn(firstResponse, at, next, mode);
        carryOn(cycle, at, next, mode);
        if (resolution != null && resolution.mode == MET) {
          resolution.resume(at, next, mode);
        } else {
          carryOn(resolution, at, next, mode);
        }
        break;
    }
  }

  /** Cancels a live clock for good; a clock suspended as spam stays stopped when it was marked. */
  private static void cancel(Track track, Instant at) {
    if (track == null || !track.isLive()) {
      return;
    }
    if (track.mode == SUSPENDED) {
      track.mode = CANCELLED;
    } else {
      track.stop(at, CANCELLED);
    }
  }

  /**
   * Cancels a response clock because the ticket was resolved; a reply at the same instant, listed
   * after the status change, still meets it.
   */
  private static void resolveAway(Track track, Instant at) {
    if (track != null && (track.mode == RUNNING || track.mode == PAUSED)) {
      track.stop(at, CANCELLED);
      track.resolvedAway = true;
    } else {
      cancel(track, at);
    }
  }

  /** Suspends a running or paused clock while the ticket is spam. */
  private static void suspend(Track track, Instant at) {
    if (track != null && (track.mode == RUNNING || track.mode == PAUSED)) {
      track.stop(at, SUSPENDED);
    }
  }

  /** Moves a running or paused clock to another active status; resumes one suspended as spam. */
  private static void carryOn(Track track, Instant at, TicketStatus next, int mode) {
    if (track == null) {
      return;
    }
    if (track.mode == SUSPENDED) {
      track.resume(at, next, mode);
    } else if (track.mode == RUNNING || track.mode == PAUSED) {
      track.move(at, next, mode);
    }
  }

  /**
   * Meets a live clock, or one cancelled by a resolution at this very instant; one suspended as
   * spam keeps the spam stretch as a pause.
   */
  private static void meet(Track track, Instant at) {
    if (track == null) {
      return;
    }
    if (track.isLive()) {
      track.stop(at, MET);
    } else if (track.resolvedAway && track.mode == CANCELLED && at.equals(track.stoppedAt)) {
      track.mode = MET;
    }
  }

  private void agentReplied(Instant at) {
    meet(firstResponse, at);
    meet(currentCycle(), at);
    agentReplied = true;
    cycleMayStart = true;
  }

  private void customerReplied(Instant at) {
    if (!cycleMayStart || !status.isActive()) {
      return;
    }
    cycleMayStart = false;
    if (clock.nextResponse() != null) {
      cycles.add(new Track(clock.nextResponse(), cycles.size() + 1, at));
    }
  }

  /** Counts the live clocks up to the evaluation time. */
  void finish() {
    close(firstResponse);
    close(resolution);
    for (Track cycle : cycles) {
      close(cycle);
    }
  }

  private void close(Track track) {
    if (track != null && (track.mode == RUNNING || track.mode == PAUSED)) {
      track.close(asOf);
    }
  }

  /** Returns the tracks in the order of the policy's targets, next-response cycles in order. */
  ArrayList<Track> tracks() {
    ArrayList<Track> tracks = new ArrayList<>(2 + cycles.size());
    if (status == null) {
      return tracks;
    }
    for (SlaClock.Rule rule : clock.rules()) {
      if (rule == clock.firstResponse()) {
        tracks.add(firstResponse);
      } else if (rule == clock.resolution()) {
        tracks.add(resolution);
      } else {
        tracks.addAll(cycles);
      }
    }
    return tracks;
  }

  SlaState state() {
    ArrayList<Track> tracks = tracks();
    SlaTargetState[] states = new SlaTargetState[tracks.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = tracks.get(i).state();
    }
    return new SlaState(clock.policy().id(), asOf, Array.of(states));
  }

  Seq<SlaDue> dues() {
    ArrayList<Track> tracks = tracks();
    ArrayList<SlaDue> dues = new ArrayList<>(tracks.size());
    for (Track track : tracks) {
      if (track.mode == RUNNING) {
        dues.add(track.due());
      }
    }
    return Array.ofAll(dues);
  }
}
