package io.rapport.crm.customer;

import static io.rapport.crm.customer.Customers.RULES;
import static io.rapport.crm.customer.Customers.aVipCustomer;
import static io.rapport.crm.customer.Customers.at;
import static io.rapport.crm.customer.InteractionTest.AGENT;
import static io.rapport.crm.customer.InteractionTest.ANSWERED_CALL;
import static io.rapport.crm.customer.InteractionTest.ID;
import static io.rapport.crm.customer.InteractionTest.LI_WEI;
import static io.rapport.crm.customer.InteractionTest.OPPORTUNITY;
import static io.rapport.crm.customer.InteractionTest.T0;
import static io.rapport.crm.customer.InteractionTest.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A customer's or an interaction's event redacted for the outbox holds what the redacted record
 * holds: the personal text goes the same way, every other component stays, and redacting again
 * changes nothing.
 */
class RedactedCustomerEventsTest {

  private static final String SUMMARY = "Li Wei asked for delivery to 7 Rosewood Lane";

  private static Transition<Interaction> recorded(Channel channel, String summary) {
    return Interaction.record(ID, LI_WEI, channel, T0, Option.of(AGENT), summary,
        HashSet.of(OPPORTUNITY), stamp(5)).get();
  }

  @Test
  void aRecordedCallLosesItsSummaryAndNumbersAsTheInteractionDoes() {
    Transition<Interaction> call = recorded(ANSWERED_CALL, SUMMARY);
    InteractionRecorded event = (InteractionRecorded) call.events().head();
    Interaction redactedCall = call.state().redact(stamp(60)).get().state();

    InteractionRecorded redacted = event.redacted();

    assertThat(redacted.summary()).isEqualTo(Channel.REDACTED).isEqualTo(redactedCall.summary());
    assertThat(redacted.channel()).isEqualTo(redactedCall.channel());
    assertThat(redacted.toString()).doesNotContain("Li Wei", "Rosewood", "8613800138000",
        "862161234567");
    assertThat(List.of(redacted.eventId(), redacted.occurredAt(), redacted.actor(),
        redacted.aggregateId(), redacted.customer(), redacted.employee(), redacted.links(),
        redacted.stamp()))
        .isEqualTo(List.of(event.eventId(), event.occurredAt(), event.actor(),
            event.aggregateId(), event.customer(), event.employee(), event.links(),
            event.stamp()));
    assertThat(redacted.redacted()).isSameAs(redacted);
  }

  @Test
  void everyChannelOfARecordedInteractionIsRedactedLikeTheInteraction() {
    for (Channel channel : List.<Channel>of(new Channel.Email(Channel.Direction.OUTBOUND,
            "Your quote, Li Wei"), new Channel.Chat("WeChat"),
        new Channel.Meeting("Li Wei's home", Duration.ofMinutes(90)))) {
      Transition<Interaction> recorded = recorded(channel, SUMMARY);
      InteractionRecorded event = (InteractionRecorded) recorded.events().head();

      InteractionRecorded redacted = event.redacted();

      assertThat(redacted.channel()).as("%s", channel)
          .isEqualTo(recorded.state().redact(stamp(60)).get().state().channel());
      assertThat(redacted.toString()).doesNotContain("Li Wei");
      assertThat(redacted.redacted()).isEqualTo(redacted);
    }
  }

  @Test
  void redactingARecordedInteractionIsIdempotentForAnySummary() {
    InteractionTest.qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 60))
        .checkAssert(summary -> {
          InteractionRecorded event =
              (InteractionRecorded) recorded(ANSWERED_CALL, summary).events().head();
          RedactableEvent redactable = event;

          InteractionRecorded once = event.redacted();

          assertThat(once.summary()).isEqualTo(Channel.REDACTED);
          assertThat(once.redacted()).isEqualTo(once);
          assertThat(redactable.redacted()).isEqualTo(once);
          assertThat(once.eventId()).isEqualTo(event.eventId());
        });
  }

  @Test
  void aStageChangeLosesItsReasonAsErasureEmptiesItOnTheCustomer() {
    Customer customer = aVipCustomer();
    Transition<Customer> moved = customer.moveTo(LifecycleStage.PROSPECT,
        "王小明 asked for a quote at home", RULES.lifecyclePolicy(), at(1)).get();
    CustomerEvent.StageChanged event = (CustomerEvent.StageChanged) moved.events().head();
    Customer erased = moved.state().erase(AttributeSchema.EMPTY, at(2)).state();

    CustomerEvent.StageChanged redacted = event.redacted();

    assertThat(redacted.change()).isEqualTo(erased.lifecycle().history().last());
    assertThat(redacted.change().reason()).isEmpty();
    assertThat(redacted.change().from()).isEqualTo(event.change().from());
    assertThat(redacted.change().to()).isEqualTo(event.change().to());
    assertThat(redacted.change().at()).isEqualTo(event.change().at());
    assertThat(redacted.change().by()).isEqualTo(event.change().by());
    assertThat(List.of(redacted.stamp(), redacted.customerId()))
        .isEqualTo(List.of(event.stamp(), event.customerId()));
    assertThat(redacted.toString()).doesNotContain("王小明");
    assertThat(redacted.redacted()).isSameAs(redacted);
  }
}
