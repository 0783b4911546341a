package io.rapport.crm.work;

import static io.rapport.crm.work.Fixtures.ABOUT_CUSTOMER;
import static io.rapport.crm.work.Fixtures.CALL_ID;
import static io.rapport.crm.work.Fixtures.LI;
import static io.rapport.crm.work.Fixtures.MANAGER;
import static io.rapport.crm.work.Fixtures.MONDAY_9;
import static io.rapport.crm.work.Fixtures.WANG;
import static io.rapport.crm.work.Fixtures.ZHAO;
import static io.rapport.crm.work.Fixtures.aCall;
import static io.rapport.crm.work.Fixtures.aScheduledCall;
import static io.rapport.crm.work.Fixtures.hours;
import static io.rapport.crm.work.Fixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActivityTest {

  static Activity accepted(Either<ActivityRejection, Transition<Activity>> result) {
    assertThat(result.isRight()).as("accepted, but got %s", result).isTrue();
    assertThat(result.get().events()).hasSize(1);
    return result.get().state();
  }

  static ActivityRejection refused(Either<ActivityRejection, Transition<Activity>> result) {
    assertThat(result.isLeft()).as("refused, but got %s", result).isTrue();
    return result.getLeft();
  }

  static Activity done() {
    return accepted(aScheduledCall().complete(stamp(hours(1))));
  }

  static Activity cancelled() {
    return accepted(aScheduledCall().cancel("Customer called us first", stamp(hours(1))));
  }

  @Nested
  class Scheduling {

    @Test
    void schedulesAnOpenActivityCreatedByTheStampsActor() {
      EventStamp stamp = stamp(MONDAY_9);
      Transition<Activity> scheduled = Activity.schedule(CALL_ID,
          aCall().withDescription("  Asked about delivery to Hangzhou  ")
              .withPriority(Priority.HIGH).withTeam(TeamId.parse("T-call"))
              .withWatchers(HashSet.of(WANG)), stamp).get();
      Activity call = scheduled.state();
      assertThat(call.status()).isEqualTo(ActivityStatus.OPEN);
      assertThat(call.assignee()).isEqualTo(LI);
      assertThat(call.priority()).isEqualTo(Priority.HIGH);
      assertThat(call.description()).isEqualTo(Option.of("Asked about delivery to Hangzhou"));
      assertThat(call.related()).isEqualTo(Option.of(ABOUT_CUSTOMER));
      assertThat(call.team()).isEqualTo(Option.of(TeamId.parse("T-call")));
      assertThat(call.watchers()).containsExactly(WANG);
      assertThat(call.createdAt()).isEqualTo(MONDAY_9);
      assertThat(call.createdBy()).isEqualTo(MANAGER);
      assertThat(call.updatedAt()).isEqualTo(MONDAY_9);
      assertThat(call.completedAt()).isEmpty();
      assertThat(scheduled.events()).containsExactly(new ActivityScheduled(stamp, CALL_ID,
          ActivityType.CALL, "Call back about the rosewood tea table", LI,
          Option.of(hours(2)), Priority.HIGH, Option.of(ABOUT_CUSTOMER)));
      assertThat(scheduled.events().head().aggregateId()).isEqualTo(CALL_ID);
      assertThat(scheduled.events().head().occurredAt()).isEqualTo(MONDAY_9);
    }

    @Test
    void defaultsToNormalPriorityAndAllowsATaskWithoutDueTime() {
      Activity task = Activity.schedule(ActivityId.parse("A-2"),
          ActivityDraft.of(ActivityType.TASK, "Send the catalogue", LI).withDescription("   "),
          stamp(MONDAY_9)).get().state();
      assertThat(task.priority()).isEqualTo(Priority.NORMAL);
      assertThat(task.due()).isEmpty();
      assertThat(task.description()).isEmpty();
      assertThat(task.isOverdue(hours(1000))).isFalse();
    }

    @Test
    void reportsEveryViolationAtOnceWithItsField() {
      ActivityDraft draft = new ActivityDraft(null, "   ", "x".repeat(Activity.MAX_TEXT + 1),
          hours(-1), null, null, null, RecordRef.to(ProductId.parse("P-1")), null);
      Validation<Seq<Violation>, Transition<Activity>> result =
          Activity.schedule(CALL_ID, draft, stamp(MONDAY_9));
      assertThat(result.getError()).extracting(Violation::field, Violation::code)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("type", "activity.type.missing"),
              org.assertj.core.groups.Tuple.tuple("subject", "activity.subject.blank"),
              org.assertj.core.groups.Tuple.tuple("description", "activity.description.too_long"),
              org.assertj.core.groups.Tuple.tuple("assignee", "activity.assignee.missing"),
              org.assertj.core.groups.Tuple.tuple("due", "activity.due.before_creation"),
              org.assertj.core.groups.Tuple.tuple("related", "activity.related.kind_not_allowed"));
    }

    @Test
    void refusesATooLongSubjectAndACallWithoutDueTime() {
      ActivityDraft draft = ActivityDraft.of(ActivityType.MEETING,
          "m".repeat(Activity.MAX_SUBJECT + 1), LI);
      assertThat(Activity.schedule(CALL_ID, draft, stamp(MONDAY_9)).getError())
          .extracting(Violation::code)
          .containsExactly("activity.subject.too_long", "activity.due.missing");
      assertThat(Activity.schedule(CALL_ID,
          ActivityDraft.of(ActivityType.MEETING, "m".repeat(Activity.MAX_SUBJECT), LI)
              .withDue(MONDAY_9), stamp(MONDAY_9)).isValid()).isTrue();
    }

    @Test
    void relatesToCustomersOpportunitiesAndTicketsOnly() {
      assertThat(Activity.schedule(CALL_ID, aCall().withRelated(RecordRef.to(TicketId.parse("T-9"))),
          stamp(MONDAY_9)).isValid()).isTrue();
      assertThat(Activity.RELATED_KINDS).contains("customerId", "opportunityId", "ticketId")
          .doesNotContain("productId");
    }
  }

  @Nested
  class StatusCommands {

    @Test
    void startsCompletesAndReopens() {
      Activity started = accepted(aScheduledCall().start(stamp(hours(1))));
      assertThat(started.status()).isEqualTo(ActivityStatus.IN_PROGRESS);
      Either<ActivityRejection, Transition<Activity>> completion = started.complete(stamp(hours(2)));
      Activity completed = accepted(completion);
      assertThat(completed.status()).isEqualTo(ActivityStatus.DONE);
      assertThat(completed.completedAt()).isEqualTo(Option.of(hours(2)));
      assertThat(completion.get().events().head()).isInstanceOf(ActivityCompleted.class);
      Transition<Activity> reopening = completed.reopen(stamp(hours(3))).get();
      assertThat(reopening.state().status()).isEqualTo(ActivityStatus.OPEN);
      assertThat(reopening.state().completedAt()).isEmpty();
      assertThat(((ActivityReopened) reopening.events().head()).from())
          .isEqualTo(ActivityStatus.DONE);
    }

    @Test
    void completesStraightFromOpen() {
      assertThat(done().status()).isEqualTo(ActivityStatus.DONE);
    }

    @Test
    void cancelsWithAReasonAndReopensWithoutIt() {
      Activity cancelled = cancelled();
      assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
      assertThat(cancelled.cancellationReason()).isEqualTo(Option.of("Customer called us first"));
      Activity reopened = accepted(cancelled.reopen(stamp(hours(2))));
      assertThat(reopened.cancellationReason()).isEmpty();
      assertThat(reopened.status()).isEqualTo(ActivityStatus.OPEN);
    }

    @Test
    void refusesAStartTwiceAndNamesTheAllowedMoves() {
      Activity started = accepted(aScheduledCall().start(stamp(hours(1))));
      ActivityRejection refusal = refused(started.start(stamp(hours(2))));
      assertThat(refusal.code()).isEqualTo("activity.already_started");
      assertThat(refusal.status()).isEqualTo(ActivityStatus.IN_PROGRESS);
      assertThat(refusal.allowed()).containsExactly(ActivityStatus.DONE, ActivityStatus.CANCELLED);
      assertThat(refusal.message()).contains("IN_PROGRESS").contains("DONE, CANCELLED");
      assertThat(refusal.activity()).isEqualTo(CALL_ID);
    }

    @Test
    void refusesToCompleteTwiceOrAfterCancelling() {
      ActivityRejection twice = refused(done().complete(stamp(hours(2))));
      assertThat(twice.code()).isEqualTo("activity.already_done");
      assertThat(twice.allowed()).containsExactly(ActivityStatus.OPEN);
      assertThat(refused(cancelled().complete(stamp(hours(2)))).code())
          .isEqualTo("activity.closed");
      assertThat(refused(done().start(stamp(hours(2)))).code()).isEqualTo("activity.closed");
    }

    @Test
    void refusesToCancelTwiceAfterDoneOrWithoutReason() {
      assertThat(refused(cancelled().cancel("again", stamp(hours(2)))).code())
          .isEqualTo("activity.already_cancelled");
      assertThat(refused(done().cancel("too late", stamp(hours(2)))).code())
          .isEqualTo("activity.closed");
      assertThat(refused(aScheduledCall().cancel("  ", stamp(hours(2)))).code())
          .isEqualTo("activity.cancel.reason.blank");
      assertThat(refused(aScheduledCall().cancel("r".repeat(Activity.MAX_REASON + 1),
          stamp(hours(2)))).code()).isEqualTo("activity.cancel.reason.too_long");
    }

    @Test
    void refusesToReopenWhatIsNotClosed() {
      ActivityRejection refusal = refused(aScheduledCall().reopen(stamp(hours(1))));
      assertThat(refusal.code()).isEqualTo("activity.not_closed");
      assertThat(refusal.allowed())
          .containsExactly(ActivityStatus.IN_PROGRESS, ActivityStatus.DONE, ActivityStatus.CANCELLED);
    }

    @Test
    void refusesACommandDatedBeforeTheLastChange() {
      Activity started = accepted(aScheduledCall().start(stamp(hours(3))));
      ActivityRejection refusal = refused(started.complete(stamp(hours(2))));
      assertThat(refusal.code()).isEqualTo("activity.out_of_order");
      assertThat(refusal.lastChangedAt()).isEqualTo(hours(3));
      assertThat(refused(started.addNote("late note", stamp(hours(1)))).code())
          .isEqualTo("activity.out_of_order");
    }

    @Test
    void aRefusedCommandLeavesTheActivityAsItWas() {
      Activity call = aScheduledCall();
      Activity copy = aScheduledCall();
      refused(call.reopen(stamp(hours(1))));
      refused(call.reassign(LI, "to myself", stamp(hours(1))));
      assertThat(call).isEqualTo(copy);
    }
  }

  @Nested
  class HandOffs {

    @Test
    void handsOffWithANoteAndKeepsTheHistory() {
      Activity call = aScheduledCall();
      Transition<Activity> first = call.reassign(WANG, "  Li is off sick; customer prefers "
          + "mornings  ", stamp(hours(1))).get();
      Activity toWang = first.state();
      Activity toZhao = accepted(toWang.reassign(ZHAO, "Wang handles Hangzhou only",
          stamp(hours(4), ActorId.parse("employee:E-wang"))));
      assertThat(toZhao.assignee()).isEqualTo(ZHAO);
      assertThat(toZhao.handOffs()).containsExactly(
          new HandOff(LI, WANG, hours(1), MANAGER, "Li is off sick; customer prefers mornings"),
          new HandOff(WANG, ZHAO, hours(4), ActorId.parse("employee:E-wang"),
              "Wang handles Hangzhou only"));
      assertThat(first.events().head()).isEqualTo(new ActivityReassigned(
          ((ActivityReassigned) first.events().head()).stamp(), CALL_ID, toWang.handOffs().head()));
      assertThat(toZhao.assigneeHistory()).containsExactly(LI, WANG, ZHAO);
    }

    @Test
    void answersWhoHeldTheActivityWhen() {
      Activity call = accepted(accepted(aScheduledCall()
          .reassign(WANG, "yours", stamp(hours(1))))
          .reassign(ZHAO, "yours now", stamp(hours(4))));
      assertThat(call.assigneeAt(hours(-1))).isEmpty();
      assertThat(call.assigneeAt(MONDAY_9)).contains(LI);
      assertThat(call.assigneeAt(hours(1).minusNanos(1))).contains(LI);
      assertThat(call.assigneeAt(hours(1))).contains(WANG);
      assertThat(call.assigneeAt(hours(3))).contains(WANG);
      assertThat(call.assigneeAt(hours(100))).contains(ZHAO);
      assertThat(aScheduledCall().assigneeAt(hours(100))).contains(LI);
    }

    @Test
    void refusesAHandOffToTheSameAssigneeWithoutNoteOrWhenClosed() {
      assertThat(refused(aScheduledCall().reassign(LI, "mine", stamp(hours(1)))).code())
          .isEqualTo("activity.same_assignee");
      assertThat(refused(aScheduledCall().reassign(WANG, " ", stamp(hours(1)))).code())
          .isEqualTo("activity.handoff.note.blank");
      assertThat(refused(aScheduledCall().reassign(WANG, "n".repeat(Activity.MAX_TEXT + 1),
          stamp(hours(1)))).code()).isEqualTo("activity.handoff.note.too_long");
      assertThat(refused(done().reassign(WANG, "yours", stamp(hours(2)))).code())
          .isEqualTo("activity.closed");
    }
  }

  @Nested
  class OtherChanges {

    @Test
    void reschedulesAndRefusesWhatMakesNoSense() {
      Transition<Activity> moved = aScheduledCall().reschedule(Option.of(hours(30)),
          stamp(hours(1))).get();
      assertThat(moved.state().due()).contains(hours(30));
      ActivityRescheduled event = (ActivityRescheduled) moved.events().head();
      assertThat(event.from()).contains(hours(2));
      assertThat(event.to()).contains(hours(30));
      Activity call = aScheduledCall();
      assertThat(refused(call.reschedule(Option.of(hours(2)), stamp(hours(1)))).code())
          .isEqualTo("activity.due.unchanged");
      assertThat(refused(call.reschedule(Option.none(), stamp(hours(1)))).code())
          .isEqualTo("activity.due.required");
      assertThat(refused(call.reschedule(Option.of(hours(-1)), stamp(hours(1)))).code())
          .isEqualTo("activity.due.before_creation");
      assertThat(refused(done().reschedule(Option.of(hours(9)), stamp(hours(2)))).code())
          .isEqualTo("activity.closed");
    }

    @Test
    void removesTheDueTimeOfATask() {
      Activity task = Activity.schedule(ActivityId.parse("A-3"),
          ActivityDraft.of(ActivityType.TASK, "Update the price list", LI).withDue(hours(5)),
          stamp(MONDAY_9)).get().state();
      assertThat(accepted(task.reschedule(Option.none(), stamp(hours(1)))).due()).isEmpty();
    }

    @Test
    void changesPriority() {
      Transition<Activity> raised = aScheduledCall().changePriority(Priority.URGENT,
          stamp(hours(1))).get();
      assertThat(raised.state().priority()).isEqualTo(Priority.URGENT);
      assertThat(raised.events().head()).isInstanceOfSatisfying(ActivityPriorityChanged.class,
          event -> assertThat(List.of(event.from(), event.to()))
              .containsExactly(Priority.NORMAL, Priority.URGENT));
      assertThat(refused(aScheduledCall().changePriority(Priority.NORMAL, stamp(hours(1)))).code())
          .isEqualTo("activity.priority.unchanged");
      assertThat(refused(cancelled().changePriority(Priority.LOW, stamp(hours(2)))).code())
          .isEqualTo("activity.closed");
    }

    @Test
    void addsAndRemovesWatchersInAnyStatus() {
      Activity watched = accepted(done().watch(WANG, stamp(hours(2))));
      assertThat(watched.watchers()).containsExactly(WANG);
      assertThat(refused(watched.watch(WANG, stamp(hours(3)))).code())
          .isEqualTo("activity.watcher.already_watching");
      Activity unwatched = accepted(watched.unwatch(WANG, stamp(hours(3))));
      assertThat(unwatched.watchers()).isEmpty();
      assertThat(refused(unwatched.unwatch(WANG, stamp(hours(4)))).code())
          .isEqualTo("activity.watcher.not_watching");
    }

    @Test
    void addsInternalNotesByTheStampsActor() {
      ActorId wang = ActorId.parse("employee:E-wang");
      Transition<Activity> noted = aScheduledCall().addNote("  Prefers WeChat to calls ",
          stamp(hours(1), wang)).get();
      assertThat(noted.state().notes())
          .containsExactly(new Note(wang, hours(1), "Prefers WeChat to calls"));
      assertThat(((NoteAdded) noted.events().head()).note().author()).isEqualTo(wang);
      assertThat(accepted(done().addNote("Sent photos after the call", stamp(hours(2)))).notes())
          .hasSize(1);
      assertThat(refused(aScheduledCall().addNote(" \n ", stamp(hours(1)))).code())
          .isEqualTo("activity.note.blank");
      assertThat(refused(aScheduledCall().addNote("n".repeat(Activity.MAX_TEXT + 1),
          stamp(hours(1)))).code()).isEqualTo("activity.note.too_long");
    }
  }

  @Nested
  class Restoring {

    @Test
    void rebuildsAnActivityFromItsComponents() {
      Activity call = accepted(accepted(aScheduledCall().reassign(WANG, "yours",
          stamp(hours(1)))).addNote("ok", stamp(hours(2))));
      assertThat(new Activity(call.id(), call.type(), call.subject(), call.description(),
          call.due(), call.assignee(), call.team(), call.status(), call.priority(), call.related(),
          call.createdAt(), call.createdBy(), call.updatedAt(), call.watchers(), call.notes(),
          call.handOffs(), call.completedAt(), call.cancellationReason())).isEqualTo(call);
    }

    @Test
    void refusesABrokenHandOffChainAndAMismatchedCompletion() {
      Activity call = aScheduledCall();
      Instant at = hours(1);
      assertThatThrownBy(() -> new Activity(call.id(), call.type(), call.subject(),
          call.description(), call.due(), ZHAO, call.team(), ActivityStatus.DONE, call.priority(),
          call.related(), call.createdAt(), call.createdBy(), at, call.watchers(), call.notes(),
          List.of(new HandOff(LI, WANG, at, MANAGER, "a"), new HandOff(LI, ZHAO, at, MANAGER, "b")),
          Option.none(), Option.of("why")))
          .isInstanceOfSatisfying(InvalidValueException.class, problem ->
              assertThat(problem.violations()).extracting(Violation::code).containsExactly(
                  "activity.completed_at.mismatch", "activity.cancellation_reason.mismatch",
                  "activity.handoffs.broken_chain"));
    }

    @Test
    void refusesHandOffsThatDoNotEndWithTheAssigneeOrNotesOutOfOrder() {
      Activity call = aScheduledCall();
      assertThatThrownBy(() -> new Activity(call.id(), call.type(), call.subject(),
          call.description(), call.due(), LI, call.team(), call.status(), call.priority(),
          call.related(), call.createdAt(), call.createdBy(), hours(2), call.watchers(),
          List.of(new Note(MANAGER, hours(2), "b"), new Note(MANAGER, hours(1), "a")),
          List.of(new HandOff(LI, WANG, hours(1), MANAGER, "a")), Option.none(), Option.none()))
          .isInstanceOfSatisfying(InvalidValueException.class, problem ->
              assertThat(problem.violations()).extracting(Violation::field)
                  .containsExactly("assignee", "notes[1].at"));
    }

    @Test
    void aHandOffGoesToSomeoneElseWithANote() {
      assertThatThrownBy(() -> new HandOff(LI, LI, MONDAY_9, MANAGER, " "))
          .isInstanceOfSatisfying(InvalidValueException.class, problem ->
              assertThat(problem.violations()).extracting(Violation::code).containsExactly(
                  "activity.handoff.same_assignee", "activity.handoff.note.blank"));
      assertThat(Note.validated(MANAGER, MONDAY_9, null).getError()).extracting(Violation::code)
          .containsExactly("activity.note.blank");
      assertThat(Note.validated(MANAGER, MONDAY_9, " hi ").get().text()).isEqualTo("hi");
    }
  }
}
