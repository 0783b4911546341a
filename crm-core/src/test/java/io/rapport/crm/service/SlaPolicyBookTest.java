package io.rapport.crm.service;

import static io.rapport.crm.service.SlaFixtures.CALL_CENTER;
import static io.rapport.crm.service.SlaFixtures.ESCALATION_TEAM;
import static io.rapport.crm.service.SlaFixtures.hours;
import static io.rapport.crm.service.SlaFixtures.signals;
import static io.rapport.crm.service.SlaFixtures.status;
import static io.rapport.crm.service.SlaFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaPolicyBookTest {

  static final Ticket NORMAL_REPAIR = ticket(signals(status("2026-04-01T09:00", TicketStatus.NEW)),
      Priority.NORMAL, Option.none());
  static final Ticket URGENT_REPAIR = ticket(signals(status("2026-04-01T09:00", TicketStatus.NEW)),
      Priority.URGENT, Option.none());
  static final CustomerStanding GOLD_VIP =
      new CustomerStanding(Option.some("gold"), HashSet.of("vip", "rosewood"));

  static SlaPolicy policy(String id, int rank, SlaConditions when) {
    return SlaPolicy.builder(SlaPolicyId.parse(id), id).rank(rank).when(when)
        .target(SlaTargetKind.RESOLUTION, hours(8), true).build().get();
  }

  static List<String> problems(Validation<Seq<Violation>, SlaPolicyBook> result) {
    assertThat(result.isInvalid()).as("invalid").isTrue();
    return result.getError().map(v -> v.field() + " " + v.code()).toList();
  }

  @Nested
  class Conditions {

    @Test
    void anyMatchesEveryTicket() {
      assertThat(SlaConditions.any().matches(NORMAL_REPAIR, CustomerStanding.NONE)).isTrue();
    }

    @Test
    void eachSetThatIsNotEmptyMustHoldTheTicketsValue() {
      SlaConditions any = SlaConditions.any();

      assertThat(any.withPriorities(Priority.URGENT).matches(URGENT_REPAIR, GOLD_VIP)).isTrue();
      assertThat(any.withPriorities(Priority.URGENT).matches(NORMAL_REPAIR, GOLD_VIP)).isFalse();
      assertThat(any.withCategories(TicketCategory.REPAIR).matches(NORMAL_REPAIR, GOLD_VIP))
          .isTrue();
      assertThat(any.withCategories(TicketCategory.BILLING).matches(NORMAL_REPAIR, GOLD_VIP))
          .isFalse();
      assertThat(any.withChannels(Channel.Kind.CALL).matches(NORMAL_REPAIR, GOLD_VIP)).isTrue();
      assertThat(any.withChannels(Channel.Kind.EMAIL).matches(NORMAL_REPAIR, GOLD_VIP)).isFalse();
      assertThat(any.withTeams(CALL_CENTER).matches(NORMAL_REPAIR, GOLD_VIP)).isTrue();
      assertThat(any.withTeams(ESCALATION_TEAM).matches(NORMAL_REPAIR, GOLD_VIP)).isFalse();
    }

    @Test
    void aCustomerWithoutATierMatchesOnlyAnyTier() {
      assertThat(SlaConditions.any().withTiers("gold").matches(NORMAL_REPAIR, GOLD_VIP)).isTrue();
      assertThat(SlaConditions.any().withTiers("gold")
          .matches(NORMAL_REPAIR, CustomerStanding.NONE)).isFalse();
    }

    @Test
    void aCustomerInOneOfTheSegmentsMatches() {
      assertThat(SlaConditions.any().withSegments("vip", "press")
          .matches(NORMAL_REPAIR, GOLD_VIP)).isTrue();
      assertThat(SlaConditions.any().withSegments("press")
          .matches(NORMAL_REPAIR, GOLD_VIP)).isFalse();
    }

    @Test
    void coverWhatTheyMatchWhateverTheTicket() {
      SlaConditions any = SlaConditions.any();
      SlaConditions urgent = any.withPriorities(Priority.URGENT);

      assertThat(any.covers(urgent)).isTrue();
      assertThat(urgent.covers(any)).isFalse();
      assertThat(any.withPriorities(Priority.values()).covers(any)).isTrue();
      assertThat(any.withPriorities(Priority.URGENT, Priority.HIGH).covers(urgent)).isTrue();
      assertThat(urgent.covers(urgent.withSegments("vip"))).isTrue();
      assertThat(any.withSegments("vip", "gold").covers(any.withSegments("vip"))).isTrue();
      assertThat(any.withSegments("vip").covers(any.withSegments("vip", "gold"))).isFalse();
      assertThat(any.withTiers("gold").covers(any)).isFalse();
    }
  }

  @Test
  void picksTheFirstMatchingPolicyByRank() {
    SlaPolicy fallback = policy("standard", 9, SlaConditions.any());
    SlaPolicy urgent = policy("urgent", 1, SlaConditions.any().withPriorities(Priority.URGENT));
    SlaPolicy vip = policy("vip", 0, SlaConditions.any().withSegments("vip")
        .withPriorities(Priority.URGENT, Priority.HIGH));
    SlaPolicyBook book = SlaPolicyBook.of(List.of(fallback, urgent, vip)).get();

    assertThat(book.policies().map(SlaPolicy::rank)).containsExactly(0, 1, 9);
    assertThat(book.select(URGENT_REPAIR, GOLD_VIP)).contains(vip);
    assertThat(book.select(URGENT_REPAIR, CustomerStanding.NONE)).contains(urgent);
    assertThat(book.select(NORMAL_REPAIR, GOLD_VIP)).contains(fallback);
    assertThat(book.policy(SlaPolicyId.parse("urgent"))).contains(urgent);
    assertThat(book.policy(SlaPolicyId.parse("nope"))).isEmpty();
    assertThat(book.toString()).isEqualTo("SlaPolicyBook[vip, urgent, standard]");
    assertThat(SlaPolicyBook.empty().select(URGENT_REPAIR, GOLD_VIP)).isEmpty();
  }

  @Test
  void reportsDuplicateIdsAndRanks() {
    assertThat(problems(SlaPolicyBook.of(List.of(
        policy("a", 1, SlaConditions.any().withPriorities(Priority.URGENT)),
        policy("a", 2, SlaConditions.any().withPriorities(Priority.HIGH)),
        policy("b", 1, SlaConditions.any().withPriorities(Priority.LOW))))))
        .containsExactly("policies[1].id sla.policy.duplicate_id",
            "policies[2].rank sla.policy.duplicate_rank");
  }

  @Test
  void reportsAPolicyThatAnEarlierOneLeavesUnreachable() {
    Validation<Seq<Violation>, SlaPolicyBook> result = SlaPolicyBook.of(List.of(
        policy("vip-urgent", 2, SlaConditions.any().withPriorities(Priority.URGENT)
            .withSegments("vip")),
        policy("urgent", 1, SlaConditions.any().withPriorities(Priority.URGENT)),
        policy("all", 0, SlaConditions.any().withPriorities(Priority.values())),
        policy("gold", 3, SlaConditions.any().withTiers("gold"))));

    assertThat(problems(result)).containsExactly(
        "policies[0] sla.policy.unreachable",
        "policies[1] sla.policy.unreachable",
        "policies[3] sla.policy.unreachable");
    assertThat(result.getError().head().message()).contains("all (rank 0)");
  }

  @Test
  void keepsANarrowerPolicyAheadOfABroaderOne() {
    assertThat(SlaPolicyBook.of(List.of(
        policy("gold", 0, SlaConditions.any().withTiers("gold")),
        policy("urgent", 1, SlaConditions.any().withPriorities(Priority.URGENT)),
        policy("rest", 2, SlaConditions.any()))).isValid()).isTrue();
  }
}
