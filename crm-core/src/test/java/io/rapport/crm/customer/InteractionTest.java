package io.rapport.crm.customer;

import static io.rapport.crm.customer.Channel.CallOutcome.ANSWERED;
import static io.rapport.crm.customer.Channel.CallOutcome.BUSY;
import static io.rapport.crm.customer.Channel.CallOutcome.CALLBACK_REQUESTED;
import static io.rapport.crm.customer.Channel.CallOutcome.FAILED;
import static io.rapport.crm.customer.Channel.CallOutcome.NO_ANSWER;
import static io.rapport.crm.customer.Channel.CallOutcome.VOICEMAIL;
import static io.rapport.crm.customer.Channel.Direction.INBOUND;
import static io.rapport.crm.customer.Channel.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

class InteractionTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final InteractionId ID = InteractionId.parse("I-1");
  static final CustomerId LI_WEI = CustomerId.parse("C-1001");
  static final CustomerId LI_WEI_DUPLICATE = CustomerId.parse("C-2002");
  static final EmployeeId AGENT = EmployeeId.parse("E-7");
  static final ActorId AGENT_ACTOR = ActorId.parse("employee:E-7");
  static final RecordRef OPPORTUNITY = RecordRef.to(OpportunityId.parse("O-42"));
  static final RecordRef TICKET = RecordRef.to(TicketId.parse("T-17"));
  static final PhoneNumber MOBILE = PhoneNumber.ofE164("+8613800138000");
  static final PhoneNumber HOTLINE = PhoneNumber.ofE164("+862161234567");
  static final Channel.Call ANSWERED_CALL = new Channel.Call(INBOUND, Duration.ofMinutes(4),
      ANSWERED, Option.of(MOBILE), Option.of(HOTLINE));

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(Long.getLong("rapport.seed", 20261123L)).withExamples(300);
  }

  static EventStamp stamp(int minutes) {
    return EventStamp.of(EventId.parse("EV-" + minutes), T0.plus(Duration.ofMinutes(minutes)),
        AGENT_ACTOR);
  }

  static Interaction recorded(Channel channel, Option<EmployeeId> employee) {
    return Interaction.record(ID, LI_WEI, channel, T0, employee, "Asked about the rosewood tea table",
        HashSet.of(OPPORTUNITY), stamp(5)).get().state();
  }

  static Interaction aCall() {
    return recorded(ANSWERED_CALL, Option.of(AGENT));
  }

  @Test
  void recordsAnAnsweredCallWithItsEventAndTimelineEntry() {
    Validation<io.vavr.collection.Seq<Violation>, Transition<Interaction>> result =
        Interaction.record(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT),
            "Asked about the rosewood tea table", HashSet.of(OPPORTUNITY, TICKET), stamp(5));

    Interaction call = result.get().state();
    assertThat(call.id()).isEqualTo(ID);
    assertThat(call.customer()).isEqualTo(LI_WEI);
    assertThat(call.channel()).isEqualTo(ANSWERED_CALL);
    assertThat(call.occurredAt()).isEqualTo(T0);
    assertThat(call.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(call.recordedBy()).isEqualTo(AGENT_ACTOR);
    assertThat(call.links()).containsExactly(OPPORTUNITY, TICKET);
    assertThat(call.erased()).isFalse();
    assertThat(call.previousCustomer()).isEqualTo(Option.none());
    assertThat(result.get().events()).containsExactly(new InteractionRecorded(ID, LI_WEI,
        ANSWERED_CALL, T0, Option.of(AGENT), "Asked about the rosewood tea table", call.links(),
        stamp(5)));
    InteractionEvent event = (InteractionEvent) result.get().events().head();
    assertThat(event.aggregateId()).isEqualTo(ID);
    assertThat(event.eventId()).isEqualTo(EventId.parse("EV-5"));
    assertThat(event.actor()).isEqualTo(AGENT_ACTOR);

    TimelineEntry entry = call.timelineEntry();
    assertThat(entry).isEqualTo(new TimelineEntry(T0, RecordRef.parse("interactionId/I-1"),
        "interaction.call", "Inbound call, answered, 4 min", Option.of(AGENT)));
  }

  @Test
  void everyChannelHasItsKindAndAReadableTitle() {
    assertThat(List.of(
        ANSWERED_CALL,
        new Channel.Call(OUTBOUND, Duration.ZERO, NO_ANSWER, Option.none(), Option.none()),
        new Channel.Call(INBOUND, Duration.ofSeconds(270), CALLBACK_REQUESTED, Option.none(),
            Option.none()),
        new Channel.Call(INBOUND, Duration.ofSeconds(45), VOICEMAIL, Option.none(), Option.none()),
        new Channel.Email(OUTBOUND, "Your quote for the tea table"),
        new Channel.Sms(INBOUND),
        new Channel.Chat("WeChat"),
        new Channel.Social(MessagingHandle.Network.WEIBO),
        new Channel.WebForm("Catalogue request"),
        new Channel.StoreVisit("Shanghai Xintiandi"),
        new Channel.Meeting("Client's home", Duration.ofMinutes(90))))
        .extracting(channel -> channel.kind().code(), Channel::title)
        .containsExactly(
            tuple("call", "Inbound call, answered, 4 min"),
            tuple("call", "Outbound call, no answer"),
            tuple("call", "Inbound call, callback requested, 4 min 30 s"),
            tuple("call", "Inbound call, voicemail, 45 s"),
            tuple("email", "Outbound email"),
            tuple("sms", "Inbound SMS"),
            tuple("chat", "Chat on WeChat"),
            tuple("social", "Social message on Weibo"),
            tuple("web_form", "Web form: Catalogue request"),
            tuple("store_visit", "Store visit: Shanghai Xintiandi"),
            tuple("meeting", "Meeting, 1 h 30 min"));
    assertThat(recorded(new Channel.StoreVisit("Shanghai Xintiandi"), Option.of(AGENT))
        .timelineEntry().kind()).isEqualTo("interaction.store_visit");
  }

  @Test
  void aWebFormIsFilledInWithoutAnEmployee() {
    Interaction form = recorded(new Channel.WebForm("Catalogue request"), Option.none());
    assertThat(form.employee()).isEqualTo(Option.none());
    assertThat(form.timelineEntry().employee()).isEqualTo(Option.none());

    assertThat(Interaction.record(ID, LI_WEI, new Channel.WebForm("Catalogue request"), T0,
        Option.of(AGENT), "", HashSet.empty(), stamp(1)).getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("interaction.employee.not_allowed", "employee"));
  }

  @Test
  void reportsEveryViolationOfOutsideInputAtOnceWithItsField() {
    Validation<io.vavr.collection.Seq<Violation>, Transition<Interaction>> result =
        Interaction.record(ID, LI_WEI,
            Channel.Call.validated(INBOUND, Duration.ofSeconds(-5), ANSWERED, Option.none(),
                Option.none()),
            T0.plus(Duration.ofHours(1)), Option.of(AGENT), "x".repeat(4001),
            HashSet.of(OPPORTUNITY, RecordRef.to(ID)), stamp(5));

    assertThat(result.getError()).extracting(Violation::code, Violation::field).containsExactly(
        tuple("interaction.call.duration.negative", "channel.duration"),
        tuple("interaction.occurred_at.after_recorded", "occurredAt"),
        tuple("interaction.summary.too_long", "summary"),
        tuple("interaction.links.self", "links"));

    assertThat(Interaction.record(ID, LI_WEI,
        Channel.Meeting.validated(null, Duration.ZERO), null, Option.none(), null,
        HashSet.empty(), stamp(5)).getError())
        .extracting(Violation::code, Violation::field).containsExactly(
            tuple("interaction.meeting.location.missing", "channel.location"),
            tuple("interaction.meeting.duration.not_positive", "channel.duration"),
            tuple("interaction.occurred_at.missing", "occurredAt"),
            tuple("interaction.summary.missing", "summary"));
  }

  @Test
  void aSummaryMayHoldFourThousandCharactersOfAnyScript() {
    String summary = "紫".repeat(3999) + "𝄞";
    assertThat(Interaction.record(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT), summary,
        HashSet.empty(), stamp(5)).get().state().summary()).isEqualTo(summary);
    assertThat(Interaction.record(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT), summary + "。",
        HashSet.empty(), stamp(5)).getError()).extracting(Violation::code)
        .containsExactly("interaction.summary.too_long");
  }

  @Test
  void refusesMoreThanTheMostLinks() {
    Set<RecordRef> links = List.range(0, Interaction.MAX_LINKS + 1)
        .map(n -> RecordRef.to(TicketId.parse("T-" + n))).toSet();
    assertThat(Interaction.record(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT), "", links,
        stamp(5)).getError()).extracting(Violation::code)
        .containsExactly("interaction.links.too_many");

    Interaction full = Interaction.record(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT), "",
        links.tail(), stamp(5)).get().state();
    assertThat(full.link(OPPORTUNITY, stamp(6)).getLeft().code())
        .isEqualTo("interaction.too_many_links");
  }

  @Test
  void aCallsDurationMustFitItsOutcome() {
    assertThat(Channel.Call.validated(INBOUND, Duration.ZERO, ANSWERED, Option.none(), Option.none())
        .getError()).extracting(Violation::code)
        .containsExactly("interaction.call.duration.zero_when_answered");
    for (Channel.CallOutcome missed : new Channel.CallOutcome[] {NO_ANSWER, BUSY, FAILED}) {
      assertThat(missed.isMissed()).isTrue();
      assertThat(Channel.Call.validated(OUTBOUND, Duration.ofSeconds(30), missed, Option.none(),
          Option.none()).getError()).extracting(Violation::code)
          .containsExactly("interaction.call.duration.not_zero_when_missed");
      assertThat(Channel.Call.validated(OUTBOUND, Duration.ZERO, missed, Option.none(),
          Option.none()).isValid()).isTrue();
    }
    for (Channel.CallOutcome any : new Channel.CallOutcome[] {VOICEMAIL, CALLBACK_REQUESTED}) {
      assertThat(any.isMissed()).isFalse();
      assertThat(Channel.Call.validated(INBOUND, Duration.ZERO, any, Option.none(), Option.none())
          .isValid()).isTrue();
      assertThat(Channel.Call.validated(INBOUND, Duration.ofSeconds(20), any, Option.none(),
          Option.none()).isValid()).isTrue();
    }
    assertThat(Channel.Call.validated(null, null, null, Option.none(), Option.none()).getError())
        .extracting(Violation::code, Violation::field).containsExactly(
            tuple("interaction.call.direction.missing", "channel.direction"),
            tuple("interaction.call.outcome.missing", "channel.outcome"),
            tuple("interaction.call.duration.missing", "channel.duration"));
  }

  @Test
  void eachChannelKindChecksItsOwnDetails() {
    assertThat(Channel.Email.validated(null, "x".repeat(999)).getError())
        .extracting(Violation::code, Violation::field).containsExactly(
            tuple("interaction.email.direction.missing", "channel.direction"),
            tuple("interaction.email.subject.too_long", "channel.subject"));
    assertThat(Channel.Email.validated(INBOUND, null).getError()).extracting(Violation::code)
        .containsExactly("interaction.email.subject.missing");
    assertThat(Channel.Email.validated(INBOUND, "").get().subject()).isEmpty();
    assertThat(Channel.Sms.validated(null).getError()).extracting(Violation::code)
        .containsExactly("interaction.sms.direction.missing");
    assertThat(Channel.Chat.validated(" ").getError()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("interaction.chat.platform.blank", "channel.platform"));
    assertThat(Channel.Chat.validated("w".repeat(201)).getError()).extracting(Violation::code)
        .containsExactly("interaction.chat.platform.too_long");
    assertThat(Channel.Social.validated(null).getError()).extracting(Violation::code)
        .containsExactly("interaction.social.network.missing");
    assertThat(Channel.WebForm.validated(null).getError()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("interaction.web_form.name.blank", "channel.formName"));
    assertThat(Channel.StoreVisit.validated("s".repeat(201)).getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("interaction.store_visit.store.too_long", "channel.store"));
    assertThat(Channel.Meeting.validated("l".repeat(201), null).getError())
        .extracting(Violation::code).containsExactly("interaction.meeting.location.too_long",
            "interaction.meeting.duration.missing");
    assertThat(Channel.Meeting.validated("", Duration.ofMinutes(30)).get().location()).isEmpty();
  }

  @Test
  void constructorsRefuseInvalidDetailsWithTypedErrors() {
    assertThatThrownBy(() -> new Channel.Call(INBOUND, Duration.ofSeconds(-1), ANSWERED,
        Option.none(), Option.none()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("interaction.call.duration.negative"));
    assertThatThrownBy(() -> new Channel.Meeting("", Duration.ZERO))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("not_positive");
    assertThatThrownBy(() -> new Channel.Chat(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("platform");
    Interaction call = aCall();
    assertThatThrownBy(() -> new Interaction(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT),
        "personal", HashSet.empty(), T0, AGENT_ACTOR, List.empty(), true))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("interaction.erased.not_redacted"));
    assertThatThrownBy(() -> new Interaction(ID, LI_WEI, ANSWERED_CALL, T0, Option.of(AGENT), "",
        HashSet.empty(), T0.minusSeconds(1), AGENT_ACTOR, List.empty(), false))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("after_recorded");
    assertThat(new Interaction(ID, LI_WEI, call.channel(), T0, call.employee(), call.summary(),
        HashSet.ofAll(call.links()), call.recordedAt(), call.recordedBy(), List.empty(), false))
        .isEqualTo(call);
  }

  @Test
  void linksAndUnlinksRecords() {
    Interaction call = aCall();
    Either<InteractionRejection, Transition<Interaction>> linked = call.link(TICKET, stamp(10));
    assertThat(linked.get().state().links()).containsExactly(OPPORTUNITY, TICKET);
    assertThat(linked.get().events()).containsExactly(new InteractionLinked(ID, TICKET, stamp(10)));

    Transition<Interaction> unlinked = linked.get().state().unlink(OPPORTUNITY, stamp(11)).get();
    assertThat(unlinked.state().links()).containsExactly(TICKET);
    assertThat(unlinked.events()).containsExactly(new InteractionUnlinked(ID, OPPORTUNITY, stamp(11)));
  }

  @Test
  void refusesLinkChangesThatMakeNoSenseAndChangesNothing() {
    Interaction call = aCall();
    InteractionRejection already = call.link(OPPORTUNITY, stamp(10)).getLeft();
    assertThat(already.reason()).isEqualTo(InteractionRejection.Reason.ALREADY_LINKED);
    assertThat(already.code()).isEqualTo("interaction.already_linked");
    assertThat(already.link()).isEqualTo(Option.of(OPPORTUNITY));
    assertThat(already.message()).contains("opportunityId/O-42");

    assertThat(call.link(RecordRef.to(ID), stamp(10)).getLeft().code())
        .isEqualTo("interaction.self_link");
    InteractionRejection notLinked = call.unlink(TICKET, stamp(10)).getLeft();
    assertThat(notLinked.code()).isEqualTo("interaction.not_linked");
    assertThat(notLinked.links()).containsExactly(OPPORTUNITY);
    InteractionRejection early = call.link(TICKET, stamp(1)).getLeft();
    assertThat(early.code()).isEqualTo("interaction.before_recorded");
    assertThat(early.recordedAt()).isEqualTo(call.recordedAt());
    assertThat(call.links()).containsExactly(OPPORTUNITY);
  }

  @Test
  void movingToAnotherCustomerAndBackRestoresTheExactOriginal() {
    Interaction original = aCall();
    Transition<Interaction> moved = original.moveTo(LI_WEI_DUPLICATE, stamp(10)).get();
    assertThat(moved.state().customer()).isEqualTo(LI_WEI_DUPLICATE);
    assertThat(moved.state().previousCustomer()).isEqualTo(Option.of(LI_WEI));
    assertThat(moved.events()).containsExactly(
        new InteractionReassigned(ID, LI_WEI, LI_WEI_DUPLICATE, false, stamp(10)));

    Transition<Interaction> back = moved.state().moveBack(stamp(20)).get();
    assertThat(back.state()).isEqualTo(original);
    assertThat(back.events()).containsExactly(
        new InteractionReassigned(ID, LI_WEI_DUPLICATE, LI_WEI, true, stamp(20)));
  }

  @Test
  void refusesPointlessMoves() {
    Interaction call = aCall();
    InteractionRejection same = call.moveTo(LI_WEI, stamp(10)).getLeft();
    assertThat(same.code()).isEqualTo("interaction.same_customer");
    assertThat(same.customer()).isEqualTo(LI_WEI);
    assertThat(call.moveBack(stamp(10)).getLeft().code()).isEqualTo("interaction.never_moved");
    assertThat(call.moveTo(LI_WEI_DUPLICATE, stamp(0)).getLeft().code())
        .isEqualTo("interaction.before_recorded");
  }

  @Test
  void undoingEveryMoveInReverseOrderRestoresTheOriginal() {
    Interaction original = aCall();
    qt().forAll(lists().of(integers().between(0, 20)).ofSizeBetween(1, 8)).checkAssert(targets -> {
      Interaction current = original;
      int moves = 0;
      for (int target : targets) {
        Either<InteractionRejection, Transition<Interaction>> moved =
            current.moveTo(CustomerId.parse("C-" + target), stamp(10 + moves));
        if (moved.isRight()) {
          current = moved.get().state();
          moves++;
        } else {
          assertThat(moved.getLeft().reason()).isEqualTo(InteractionRejection.Reason.SAME_CUSTOMER);
        }
      }
      for (int i = 0; i < moves; i++) {
        current = current.moveBack(stamp(100 + i)).get().state();
      }
      assertThat(current).isEqualTo(original);
      assertThat(current.moveBack(stamp(200)).getLeft().reason())
          .isEqualTo(InteractionRejection.Reason.NEVER_MOVED);
    });
  }

  @Test
  void redactionErasesPersonalDetailsAndKeepsTheFactsForAnalytics() {
    Interaction call = aCall().link(TICKET, stamp(6)).get().state();
    Transition<Interaction> redacted = call.redact(stamp(30)).get();
    Interaction erased = redacted.state();

    assertThat(erased.erased()).isTrue();
    assertThat(erased.summary()).isEqualTo(Channel.REDACTED);
    Channel.Call channel = (Channel.Call) erased.channel();
    assertThat(channel.from()).isEqualTo(Option.none());
    assertThat(channel.to()).isEqualTo(Option.none());
    assertThat(channel.direction()).isEqualTo(INBOUND);
    assertThat(channel.duration()).isEqualTo(Duration.ofMinutes(4));
    assertThat(channel.outcome()).isEqualTo(ANSWERED);
    assertThat(erased.occurredAt()).isEqualTo(call.occurredAt());
    assertThat(erased.employee()).isEqualTo(Option.of(AGENT));
    assertThat(erased.links()).containsExactly(OPPORTUNITY, TICKET);
    assertThat(erased.customer()).isEqualTo(LI_WEI);
    assertThat(erased.timelineEntry()).isEqualTo(call.timelineEntry());
    assertThat(redacted.events()).containsExactly(new InteractionRedacted(ID, LI_WEI, stamp(30)));
    assertThat(erased.toString()).doesNotContain("rosewood").doesNotContain("+8613800138000");
  }

  @Test
  void redactionReplacesEmailSubjectsAndMeetingLocations() {
    Interaction email = recorded(new Channel.Email(INBOUND, "Li Wei's new address"), Option.none())
        .redact(stamp(30)).get().state();
    assertThat(((Channel.Email) email.channel()).subject()).isEqualTo(Channel.REDACTED);
    assertThat(((Channel.Email) email.channel()).direction()).isEqualTo(INBOUND);

    Interaction meeting = recorded(new Channel.Meeting("12 Wulumuqi Road", Duration.ofMinutes(50)),
        Option.of(AGENT)).redact(stamp(30)).get().state();
    assertThat(((Channel.Meeting) meeting.channel()).location()).isEqualTo(Channel.REDACTED);
    assertThat(((Channel.Meeting) meeting.channel()).duration()).isEqualTo(Duration.ofMinutes(50));

    Interaction visit = recorded(new Channel.StoreVisit("Shanghai Xintiandi"), Option.of(AGENT))
        .redact(stamp(30)).get().state();
    assertThat(visit.channel()).isEqualTo(new Channel.StoreVisit("Shanghai Xintiandi"));
  }

  @Test
  void redactingTwiceIsHarmlessAndAnErasedInteractionNoLongerChanges() {
    Interaction erased = aCall().redact(stamp(30)).get().state();
    Transition<Interaction> again = erased.redact(stamp(31)).get();
    assertThat(again.state()).isEqualTo(erased);
    assertThat(again.events()).isEmpty();

    assertThat(List.of(erased.link(TICKET, stamp(40)), erased.unlink(OPPORTUNITY, stamp(40)),
        erased.moveTo(LI_WEI_DUPLICATE, stamp(40)), erased.moveBack(stamp(40))))
        .extracting(refused -> refused.getLeft().code())
        .containsOnly("interaction.erased");
  }
}
