package io.rapport.crm.service;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.time.Instant;
import org.quicktheories.core.Gen;

/**
 * Generates ticket histories for the SLA properties: a creation, then up to 24 steps, each a
 * gap of up to two and a half days and a status change, an agent reply or a customer message.
 * Built from lists of integers, so QuickTheories shrinks a failing history to a short one.
 */
final class SlaHistories {

  /** Monday 2026-03-30 00:00 in Shanghai; histories start within the following two weeks. */
  static final Instant BASE = SlaFixtures.at("2026-03-30T00:00");

  private static final TicketStatus[] MOVES = {
      TicketStatus.OPEN, TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_CUSTOMER,
      TicketStatus.PENDING_THIRD_PARTY, TicketStatus.RESOLVED, TicketStatus.OPEN,
      TicketStatus.CLOSED, TicketStatus.SPAM, TicketStatus.NEW, TicketStatus.MERGED};

  private SlaHistories() {}

  /** One history, in time order, as {@link Ticket#slaSignals()} gives them. */
  static Gen<Seq<SlaSignal>> histories() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25)
        .map(SlaHistories::decode);
  }

  /** A generated history and the time it is evaluated at. */
  record Example(Seq<SlaSignal> signals, Instant asOf) {
    @Override
    public String toString() {
      return "as of " + asOf + ": " + signals.mkString(", ");
    }
  }

  /** A history and an evaluation time somewhere from before its start to after its end. */
  static Gen<Example> historiesWithTimes() {
    return histories().zip(integers().between(-60, 1000), (history, percent) -> {
      Instant first = history.head().at();
      Instant last = history.last().at();
      long span = Math.max(60, last.getEpochSecond() - first.getEpochSecond());
      return new Example(history, first.plusSeconds(span * percent / 900));
    });
  }

  static Seq<SlaSignal> decode(java.util.List<Integer> steps) {
    Vector<SlaSignal> signals = Vector.empty();
    int startMinutes = Math.floorMod(steps.get(0), 14 * 24 * 60);
    Instant at = BASE.plusSeconds(startMinutes * 60L);
    signals = signals.append(new SlaSignal.StatusChanged(at,
        steps.get(0) % 3 == 0 ? TicketStatus.OPEN : TicketStatus.NEW));
    for (Integer step : List.ofAll(steps).tail()) {
      int kind = step % 20;
      // Up to 2.5 days, mostly short.
      int root = (step / 20) % 600;
      int gapMinutes = root * root / 100;
      // One step in four comes at once, to exercise ties.
      at = at.plusSeconds(step % 4 == 0 ? 0 : gapMinutes * 60L + step % 7);
      if (kind < 10) {
        signals = signals.append(new SlaSignal.StatusChanged(at, MOVES[kind]));
      } else if (kind < 15) {
        signals = signals.append(new SlaSignal.AgentReplied(at));
      } else {
        signals = signals.append(new SlaSignal.CustomerReplied(at));
      }
    }
    return signals;
  }

  /** Keeps the signals at or before a time. */
  static Seq<SlaSignal> upTo(Seq<SlaSignal> signals, Instant asOf) {
    return signals.filter(signal -> !signal.at().isAfter(asOf));
  }
}
