package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.aScheduledCall;
import static io.rapport.crm.work.Fixtures.hours;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Redacting an activity for its customer's erasure replaces every free text (subject,
 * description, notes, hand-off notes, cancellation reason) and keeps who, when, what kind and
 * the status, so workload and SLA figures stay the same.
 */
class ActivityRedactionTest {

  private static final String PHONE = "13812345678";

  private static Activity ok(Either<ActivityRejection, Transition<Activity>> answer) {
    assertThat(answer.isRight()).as("%s", answer).isTrue();
    return answer.get().state();
  }

  private static Activity annotated() {
    Activity call = Activity.schedule(ActivityId.parse("A-7"), Fixtures.aCall()
        .withDescription("Mrs Wang Fang asked for a call on " + PHONE), stamp(hours(0))).get()
        .state();
    Activity noted = ok(call.addNote("She lives at 7 Rosewood Lane", stamp(hours(1))));
    return ok(noted.reassign(WANG, "Call Wang Fang on " + PHONE + " before noon",
        stamp(hours(1).plusSeconds(60))));
  }

  @Test
  void redactionReplacesEveryFreeText() {
    Activity activity = annotated();
    Instant erasedAt = hours(30);

    Activity redacted = activity.redacted(erasedAt);

    assertThat(redacted.toString()).doesNotContain("Wang Fang", PHONE, "Rosewood", "tea table");
    assertThat(redacted.subject()).isEqualTo(Channel.REDACTED);
    assertThat(redacted.description()).isEmpty();
    assertThat(redacted.notes().map(Note::text)).containsExactly(Channel.REDACTED);
    assertThat(redacted.handOffs().map(HandOff::note)).containsExactly(Channel.REDACTED);
    assertThat(redacted.updatedAt()).isEqualTo(erasedAt);
  }

  @Test
  void redactionKeepsWhoWhenAndWhat() {
    Activity activity = annotated();

    Activity redacted = activity.redacted(hours(30));

    assertThat(redacted.type()).isEqualTo(activity.type());
    assertThat(redacted.due()).isEqualTo(activity.due());
    assertThat(redacted.assignee()).isEqualTo(WANG);
    assertThat(redacted.status()).isEqualTo(activity.status());
    assertThat(redacted.priority()).isEqualTo(activity.priority());
    assertThat(redacted.related()).isEqualTo(activity.related());
    assertThat(redacted.createdAt()).isEqualTo(activity.createdAt());
    assertThat(redacted.notes().map(n -> n.author() + "@" + n.at()))
        .isEqualTo(activity.notes().map(n -> n.author() + "@" + n.at()));
    assertThat(redacted.handOffs().map(h -> h.from() + ">" + h.to() + "@" + h.at()))
        .containsExactly(LI + ">" + WANG + "@" + hours(1).plusSeconds(60));
  }

  @Test
  void aCancelledActivityKeepsARedactedReason() {
    Activity cancelled = ok(aScheduledCall().cancel("Wang Fang moved away", stamp(hours(1))));

    Activity redacted = cancelled.redacted(hours(2));

    assertThat(redacted.status()).isEqualTo(ActivityStatus.CANCELLED);
    assertThat(redacted.cancellationReason()).contains(Channel.REDACTED);
  }

  @Test
  void redactingAgainChangesNothingAndTheActivityStillTakesCommands() {
    Activity once = annotated().redacted(hours(30));

    assertThat(once.redacted(hours(40))).isSameAs(once);
    Activity done = ok(once.complete(stamp(hours(31))));
    assertThat(done.status()).isEqualTo(ActivityStatus.DONE);
  }
}
