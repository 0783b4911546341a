package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.CALL_ID;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.hours;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

/**
 * An activity's events redacted for the outbox hold what {@link Activity#redacted} leaves: the
 * subject, note, hand-off note and cancellation reason become {@link Channel#REDACTED}, every
 * other component stays, and redacting again changes nothing.
 */
class RedactedActivityEventsTest {

  private static final String NAME = "Wang Fang";
  private static final String PHONE = "13812345678";

  /** Schedules, notes, hands off and cancels a call; returns the last state and every event. */
  private static Transition<Activity> history(String text) {
    Transition<Activity> scheduled = Activity.schedule(CALL_ID,
        ActivityDraft.of(ActivityType.CALL, "Call " + text, Fixtures.LI).withDue(hours(2))
            .withRelated(Fixtures.ABOUT_CUSTOMER), stamp(hours(0))).get();
    Transition<Activity> noted = scheduled.state().addNote("Lives with " + text,
        stamp(hours(1))).get();
    Transition<Activity> handed = noted.state().reassign(WANG, "Ask " + text + " first",
        stamp(hours(1).plusSeconds(60))).get();
    Transition<Activity> cancelled = handed.state().cancel(text + " moved away",
        stamp(hours(2))).get();
    return new Transition<>(cancelled.state(), scheduled.events().appendAll(noted.events())
        .appendAll(handed.events()).appendAll(cancelled.events()));
  }

  private static <E> E only(Seq<DomainEvent> events, Class<E> type) {
    return type.cast(events.filter(type::isInstance).single());
  }

  @Test
  void everyEventWithTextAgreesWithTheRedactedActivity() {
    Transition<Activity> history = history(NAME + " on " + PHONE);
    Activity redactedActivity = history.state().redacted(hours(30));

    ActivityScheduled scheduled = only(history.events(), ActivityScheduled.class).redacted();
    NoteAdded noted = only(history.events(), NoteAdded.class).redacted();
    ActivityReassigned handed = only(history.events(), ActivityReassigned.class).redacted();
    ActivityCancelled cancelled = only(history.events(), ActivityCancelled.class).redacted();

    assertThat(scheduled.subject()).isEqualTo(redactedActivity.subject())
        .isEqualTo(Channel.REDACTED);
    assertThat(noted.note()).isEqualTo(redactedActivity.notes().single());
    assertThat(handed.handOff()).isEqualTo(redactedActivity.handOffs().single());
    assertThat(cancelled.reason()).isEqualTo(redactedActivity.cancellationReason().get());
    assertThat(List.of(scheduled, noted, handed, cancelled).mkString())
        .doesNotContain(NAME, PHONE);
  }

  @Test
  void redactionKeepsEveryOtherComponent() {
    Seq<DomainEvent> events = history(NAME).events();
    ActivityScheduled scheduled = only(events, ActivityScheduled.class);
    NoteAdded noted = only(events, NoteAdded.class);
    ActivityReassigned handed = only(events, ActivityReassigned.class);
    ActivityCancelled cancelled = only(events, ActivityCancelled.class);

    assertThat(scheduled.redacted()).isEqualTo(new ActivityScheduled(scheduled.stamp(),
        scheduled.activityId(), scheduled.type(), Channel.REDACTED, scheduled.assignee(),
        scheduled.due(), scheduled.priority(), scheduled.related()));
    assertThat(noted.redacted()).isEqualTo(new NoteAdded(noted.stamp(), noted.activityId(),
        new Note(noted.note().author(), noted.note().at(), Channel.REDACTED)));
    HandOff h = handed.handOff();
    assertThat(handed.redacted()).isEqualTo(new ActivityReassigned(handed.stamp(),
        handed.activityId(), new HandOff(h.from(), h.to(), h.at(), h.by(), Channel.REDACTED)));
    assertThat(cancelled.redacted()).isEqualTo(new ActivityCancelled(cancelled.stamp(),
        cancelled.activityId(), Channel.REDACTED));
  }

  @Test
  void redactingTwiceGivesTheSameEventsWithTheSameIds() {
    PropertyChecks.qt().withExamples(100)
        .forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 40))
        .checkAssert(text -> {
          for (DomainEvent event : history(text.strip().isEmpty() ? "x" : text).events()) {
            if (event instanceof RedactableEvent redactable) {
              DomainEvent once = redactable.redacted();

              assertThat(((RedactableEvent) once).redacted()).isEqualTo(once);
              assertThat(once.eventId()).isEqualTo(event.eventId());
              assertThat(once.aggregateId()).isEqualTo(event.aggregateId());
              assertThat(once.occurredAt()).isEqualTo(event.occurredAt());
              assertThat(once.actor()).isEqualTo(event.actor());
            }
          }
        });
  }
}
