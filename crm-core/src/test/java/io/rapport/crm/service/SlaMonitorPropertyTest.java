package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.ESCALATION_TEAM;
import static io.rapport.crm.service.SlaFixtures.SHANGHAI_OFFICE;
import static io.rapport.crm.service.SlaFixtures.qt;
import static io.rapport.crm.service.SlaFixtures.ticket;
import static io.rapport.crm.service.SlaFixtures.withSla;
import static io.rapport.crm.service.SlaHistories.historiesWithTimes;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.work.Priority;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Laws of SLA reviews over generated ticket histories, with fixed seeds. */
class SlaMonitorPropertyTest {

  static final SlaPolicy POLICY = SlaPolicies.standard(ESCALATION_TEAM).last();

  @Test
  void reviewingTwiceAtTheSameTimeRaisesNothingNew() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      Ticket ticket = ticket(example.signals(), Priority.NORMAL, Option.none());
      SlaReview first = SlaMonitor.review(ticket, POLICY, SHANGHAI_OFFICE, example.asOf());
      SlaReview second = SlaMonitor.review(withSla(ticket, first.sla()), POLICY,
          SHANGHAI_OFFICE, example.asOf());

      assertThat(second.alerts()).isEmpty();
      assertThat(second.actions()).isEmpty();
      assertThat(second.sla()).isEqualTo(first.sla());
      assertThat(second.state()).isEqualTo(first.state());
    });
  }

  @Test
  void reviewsOneAfterAnotherRaiseEachAlertOnceAndLoseNone() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      Ticket ticket = ticket(example.signals(), Priority.NORMAL, Option.none());
      Instant later = example.asOf();
      Instant earlier = later.minus(Duration.ofHours(7));
      SlaReview first = SlaMonitor.review(ticket, POLICY, SHANGHAI_OFFICE, earlier);
      SlaReview second = SlaMonitor.review(withSla(ticket, first.sla()), POLICY,
          SHANGHAI_OFFICE, later);
      SlaReview once = SlaMonitor.review(ticket, POLICY, SHANGHAI_OFFICE, later);

      assertThat(second.alerts().map(SlaAlert::mark).toSet()
          .intersect(first.alerts().map(SlaAlert::mark).toSet())).isEmpty();
      assertThat(first.sla().marks().diff(second.sla().marks())).isEmpty();
      assertThat(once.sla().marks().diff(second.sla().marks())).isEmpty();
      assertThat(first.alerts().size() + second.alerts().size())
          .isEqualTo(second.sla().marks().size());
      assertThat(second.sla().running()).isEqualTo(once.sla().running());
    });
  }

  @Test
  void everyAlertIsAtOrBeforeTheReviewAndFiresItsRules() {
    qt().forAll(historiesWithTimes()).checkAssert(example -> {
      Ticket ticket = ticket(example.signals(), Priority.NORMAL, Option.none());
      SlaReview review = SlaMonitor.review(ticket, POLICY, SHANGHAI_OFFICE, example.asOf());

      int fired = 0;
      for (SlaAlert alert : review.alerts()) {
        assertThat(alert.at()).isBeforeOrEqualTo(example.asOf());
        fired += POLICY.escalations()
            .count(rule -> rule.target() == alert.target() && rule.level() == alert.level());
      }
      assertThat(review.actions()).hasSize(fired);
      assertThat(review.alerts().map(SlaAlert::at).toJavaList()).isSorted();
    });
  }
}
