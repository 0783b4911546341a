package io.rapport.crm.persistence.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.work.Priority;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The sort keys of the service indexes order as their meaning does: ranks numerically over every
 * int, and work-queue positions by priority (most urgent first), then by creation time.
 */
class ServiceIndexKeysProperties {

  private static final Gen<Integer> RANKS = integers().all()
      .mix(arbitrary().pick(Integer.MIN_VALUE, -1, 0, 1, 9, 10, Integer.MAX_VALUE), 30);
  private static final Gen<Instant> TIMES = longs().between(0, 4_000_000_000L)
      .mix(arbitrary().pick(0L, 1L, 86_400L), 20).map(second -> Instant.ofEpochSecond(second));
  private static final Gen<Priority> PRIORITIES = arbitrary().enumValues(Priority.class);

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(Long.getLong("rapport.seed", 20261123L))
        .withExamples(2000);
  }

  @Test
  void rankKeysOrderAsTheRanksAndFitASortKey() {
    qt().forAll(RANKS, RANKS).checkAssert((a, b) -> {
      assertThat(Integer.signum(ServiceIndexKeys.rankKey(a)
          .compareTo(ServiceIndexKeys.rankKey(b)))).isEqualTo(Integer.signum(a.compareTo(b)));
      assertThat(ServiceIndexKeys.rankKey(a)).hasSize(10);
    });
  }

  @Test
  void queueKeysPutTheMostUrgentFirstThenTheOldest() {
    Comparator<Priority> urgentFirst = Comparator.<Priority>naturalOrder().reversed();
    qt().forAll(PRIORITIES, TIMES, PRIORITIES, TIMES).checkAssert((p1, t1, p2, t2) -> {
      int expected = p1 == p2 ? t1.compareTo(t2) : urgentFirst.compare(p1, p2);
      String k1 = ServiceIndexKeys.queueKey(p1, t1);
      assertThat(Integer.signum(k1.compareTo(ServiceIndexKeys.queueKey(p2, t2))))
          .isEqualTo(Integer.signum(expected));
      assertThat(k1.length()).isLessThanOrEqualTo(IndexEntry.MAX_SORT_KEY_LENGTH);
    });
  }
}
