package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instants;
import static java.util.Objects.requireNonNull;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.MessagingHandle;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TicketId;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Generates interactions on every channel, their channels and timeline entries for property tests.
 * Every value is valid: calls have durations that fit their outcome, web forms have no employee,
 * interactions take place before they are recorded, and some are erased (redacted). Texts mix
 * ASCII, Chinese characters and characters outside the Basic Multilingual Plane.
 *
 * <p>Use them in your own laws: {@code Theories.qt().forAll(InteractionGenerators.interactions())…}.
 */
public final class InteractionGenerators {

  /** Valid phone numbers in E.164 form from several countries. */
  static final List<String> PHONES = List.of("+8613800138000", "+862161234567", "+16502530000",
      "+4930901820", "+447911123456", "+81312345678");

  /** Kinds of timeline entry a host's sources produce. */
  static final List<String> ENTRY_KINDS = List.of("interaction.call", "interaction.web_form",
      "opportunity.created", "opportunity.won", "ticket.opened", "ticket.resolved", "purchase",
      "loyalty.points_earned", "survey.answered");

  private InteractionGenerators() {}

  /**
   * Returns texts of a bounded length: ASCII, Chinese, and characters outside the Basic
   * Multilingual Plane (counted as one character each).
   *
   * @param minLength the fewest characters
   * @param maxLength the most characters
   * @return the generator
   */
  public static Gen<String> texts(int minLength, int maxLength) {
    Gen<String> ascii = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(minLength, maxLength);
    Gen<String> chinese = strings().betweenCodePoints(0x4E00, 0x9FFF)
        .ofLengthBetween(minLength, maxLength);
    Gen<String> emoji = strings().betweenCodePoints(0x1F600, 0x1F64F)
        .ofLengthBetween(minLength, maxLength);
    return ascii.mix(chinese, 30).mix(emoji, 10);
  }

  /** Returns names that are not blank: chat platforms, forms, stores. */
  public static Gen<String> names() {
    return texts(1, 40).map(text -> text.isBlank() ? "Store " + text.length() : text);
  }

  /** Returns valid phone numbers from several countries. */
  public static Gen<PhoneNumber> phoneNumbers() {
    return arbitrary().pick(PHONES).map(PhoneNumber::ofE164);
  }

  /** Returns both call directions. */
  public static Gen<Channel.Direction> directions() {
    return arbitrary().enumValues(Channel.Direction.class);
  }

  /**
   * Returns calls of every outcome: answered ones lasting 1 s to 2 h, missed ones lasting nothing,
   * voicemails and callback requests lasting 0 to 10 min, with and without phone numbers.
   */
  public static Gen<Channel.Call> calls() {
    Gen<Channel.CallOutcome> outcomes = arbitrary().enumValues(Channel.CallOutcome.class);
    Gen<Long> seconds = longs().between(1, 7200);
    Gen<Option<PhoneNumber>> numbers = phoneNumbers().map(Option::of)
        .mix(arbitrary().constant(Option.none()), 30);
    return in -> {
      Channel.CallOutcome outcome = outcomes.generate(in);
      long length = seconds.generate(in);
      Duration duration = outcome == Channel.CallOutcome.ANSWERED ? Duration.ofSeconds(length)
          : outcome.isMissed() ? Duration.ZERO
          : Duration.ofSeconds(length % 601);
      return new Channel.Call(directions().generate(in), duration, outcome, numbers.generate(in),
          numbers.generate(in));
    };
  }

  /** Returns meetings of 1 min to 4 h, with or without a location. */
  public static Gen<Channel.Meeting> meetings() {
    return texts(0, 60).zip(longs().between(1, 240),
        (location, minutes) -> new Channel.Meeting(location, Duration.ofMinutes(minutes)));
  }

  /** Returns channels of every kind, each with valid details. */
  public static Gen<Channel> channels() {
    Gen<Channel> calls = calls().map(call -> call);
    Gen<Channel> emails = directions().zip(texts(0, 80), Channel.Email::new);
    Gen<Channel> sms = directions().map(Channel.Sms::new);
    Gen<Channel> chats = names().map(Channel.Chat::new);
    Gen<Channel> socials = arbitrary().enumValues(MessagingHandle.Network.class)
        .map(Channel.Social::new);
    Gen<Channel> forms = names().map(Channel.WebForm::new);
    Gen<Channel> visits = names().map(Channel.StoreVisit::new);
    Gen<Channel> meetings = meetings().map(meeting -> meeting);
    Gen<Integer> kind = integers().between(0, 7);
    List<Gen<Channel>> byKind = List.of(calls, emails, sms, chats, socials, forms, visits, meetings);
    return in -> byKind.get(kind.generate(in)).generate(in);
  }

  /** Returns references to opportunities, tickets, activities and surveys. */
  public static Gen<RecordRef> recordRefs() {
    List<Gen<RecordRef>> byKind = List.of(
        ids(OpportunityId.KIND).map(RecordRef::to), ids(TicketId.KIND).map(RecordRef::to),
        ids(ActivityId.KIND).map(RecordRef::to), ids(SurveyId.KIND).map(RecordRef::to));
    Gen<Integer> kind = integers().between(0, byKind.size() - 1);
    return in -> byKind.get(kind.generate(in)).generate(in);
  }

  /**
   * Returns interactions on every channel: taking place up to 30 days before they are recorded,
   * with an employee except on web forms, up to 5 links, sometimes moved between customers, and
   * sometimes erased.
   */
  public static Gen<Interaction> interactions() {
    Gen<Instant> recordedAts = instants();
    Gen<Long> delays = longs().between(0, Duration.ofDays(30).getSeconds())
        .mix(arbitrary().constant(0L), 10);
    Gen<Option<EmployeeId>> employees = ids(EmployeeId.KIND).map(Option::of)
        .mix(arbitrary().constant(Option.none()), 20);
    Gen<java.util.List<RecordRef>> links = lists().of(recordRefs()).ofSizeBetween(0, 5);
    Gen<java.util.List<CustomerId>> formers = lists().of(ids(CustomerId.KIND)).ofSizeBetween(0, 3)
        .mix(arbitrary().constant(java.util.List.of()), 60);
    Gen<Boolean> erased = arbitrary().pick(false, false, false, true);
    return in -> {
      Channel channel = channels().generate(in);
      Instant recordedAt = recordedAts.generate(in);
      boolean isErased = erased.generate(in);
      Option<EmployeeId> employee = channel instanceof Channel.WebForm ? Option.none()
          : employees.generate(in);
      String summary = texts(0, 200).generate(in);
      return new Interaction(ids(InteractionId.KIND).generate(in), ids(CustomerId.KIND).generate(in),
          isErased ? channel.redacted() : channel, recordedAt.minusSeconds(delays.generate(in)),
          employee, isErased ? Channel.REDACTED : summary, HashSet.ofAll(links.generate(in)),
          recordedAt, ids(ActorId.KIND).generate(in),
          io.vavr.collection.List.ofAll(formers.generate(in)), isErased);
    };
  }

  /** Returns timeline entries of the kinds hosts produce, with and without an employee. */
  public static Gen<TimelineEntry> timelineEntries() {
    Gen<String> kinds = arbitrary().pick(ENTRY_KINDS);
    Gen<String> titles = names();
    Gen<Option<EmployeeId>> employees = ids(EmployeeId.KIND).map(Option::of)
        .mix(arbitrary().constant(Option.none()), 40);
    return in -> new TimelineEntry(instants().generate(in), recordRefs().generate(in),
        kinds.generate(in), titles.generate(in), employees.generate(in));
  }

  /**
   * Returns the timeline entries of interactions, as {@link Interaction#timelineEntry()} makes
   * them.
   *
   * @param interactions the interactions to show
   * @return the generator
   */
  public static Gen<TimelineEntry> timelineEntriesOf(Gen<Interaction> interactions) {
    requireNonNull(interactions, "interactions");
    return interactions.map(Interaction::timelineEntry);
  }
}
