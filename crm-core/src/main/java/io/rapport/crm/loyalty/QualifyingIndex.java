package io.rapport.crm.loyalty;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.Tuple2;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;

/**
 * Holds a member's qualifying entries as the engine sees them at one time: netted and in time
 * order, in a plain array searched by time. Every reversal at or before that time is added to its
 * source's original entry (the earliest non-reversal entry with the same source) and is not an
 * entry of its own; an original that nets to nothing is dropped; a reversal whose source has no
 * original is ignored; entries before joining or after the time are left out.
 */
final class QualifyingIndex {

  final QualifyingEntry[] entries;
  final int size;

  private QualifyingIndex(QualifyingEntry[] entries, int size) {
    this.entries = entries;
    this.size = size;
  }

  /** Returns the time of an entry. */
  Instant at(int i) {
    return entries[i].at();
  }

  /** Indexes a history as of a time, for a member who joined at another. */
  static QualifyingIndex of(Seq<QualifyingEntry> history, Instant joinedAt, Instant asOf) {
    QualifyingEntry[] kept = new QualifyingEntry[history.size()];
    int size = 0;
    boolean reversals = false;
    boolean ordered = true;
    Instant last = null;
    for (QualifyingEntry entry : history) {
      Instant at = entry.at();
      if (last != null && at.isBefore(last)) {
        ordered = false;
      }
      last = at;
      if (at.isAfter(asOf) || at.isBefore(joinedAt)) {
        continue;
      }
      reversals |= entry.reversal();
      kept[size++] = entry;
    }
    if (!ordered) {
      Arrays.sort(kept, 0, size, Comparator.comparing(QualifyingEntry::at));
    }
    if (reversals) {
      return netted(kept, size);
    }
    return new QualifyingIndex(kept, size);
  }

  private static QualifyingIndex netted(QualifyingEntry[] kept, int size) {
    HashMap<RecordRef, Integer> originals = new HashMap<>();
    for (int i = 0; i < size; i++) {
      if (!kept[i].reversal()) {
        originals.putIfAbsent(kept[i].source(), i);
      }
    }
    QualifyingEntry[] net = Arrays.copyOf(kept, size);
    boolean[] touched = new boolean[size];
    for (int i = 0; i < size; i++) {
      QualifyingEntry reversal = kept[i];
      if (!reversal.reversal()) {
        continue;
      }
      Integer original = originals.get(reversal.source());
      if (original != null) {
        net[original] = plus(net[original], reversal);
        touched[original] = true;
      }
    }
    ArrayList<QualifyingEntry> effective = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      if (!kept[i].reversal() && !(touched[i] && isNothing(net[i]))) {
        effective.add(net[i]);
      }
    }
    return new QualifyingIndex(effective.toArray(new QualifyingEntry[0]), effective.size());
  }

  private static QualifyingEntry plus(QualifyingEntry original, QualifyingEntry reversal) {
    Map<PointCurrency, Long> points = original.points();
    for (Tuple2<PointCurrency, Long> taken : reversal.points()) {
      long value = points.get(taken._1).getOrElse(0L) + taken._2;
      points = value == 0 ? points.remove(taken._1) : points.put(taken._1, value);
    }
    Money spend = original.spend();
    if (spend.currency().equals(reversal.spend().currency())) {
      spend = spend.plus(reversal.spend());
    }
    return new QualifyingEntry(original.at(), original.source(), points,
        spend, original.purchases() + reversal.purchases(),
        original.referrals() + reversal.referrals(), false);
  }

  private static boolean isNothing(QualifyingEntry entry) {
    return entry.points().isEmpty() && entry.spend().isZero() && entry.purchases() == 0
        && entry.referrals() == 0;
  }

  /** Returns the index of the first entry at or after a time ({@code size} if none). */
  int atOrAfter(Instant t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries[mid].at().compareTo(t) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Returns the index of the first entry strictly after a time ({@code size} if none). */
  int after(Instant t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries[mid].at().compareTo(t) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
