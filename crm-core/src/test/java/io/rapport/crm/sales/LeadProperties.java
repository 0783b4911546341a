package io.rapport.crm.sales;

import static io.rapport.crm.sales.LeadFixtures.aLead;
import static io.rapport.crm.sales.LeadFixtures.qt;
import static io.rapport.crm.sales.LeadFixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws that hold whatever commands a lead receives, in whatever order. */
class LeadProperties {

  static final List<Option<EmployeeId>> OWNERS = List.of(Option.none(),
      Option.of(EmployeeId.parse("E-li")), Option.of(EmployeeId.parse("E-wang")));
  static final List<String> REASONS = List.of("no_budget", "spam", "Bad Reason");
  static final List<String> EMAILS = List.of("li.wei@example.com", "a@example.com",
      "b@example.com");

  /** Each number picks a command, its arguments and how far the clock moves (possibly back). */
  static final Gen<java.util.List<Integer>> SCRIPTS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60);

  /** Applies the command a number encodes. */
  static Either<LeadRejection, Transition<Lead>> apply(Lead lead, int code, EventStamp stamp) {
    int arg = code / 12;
    switch (code % 12) {
      case 0:
        return lead.startWorking(stamp);
      case 1:
        return lead.qualify(stamp);
      case 2:
        return lead.updateQualification(Qualification.UNKNOWN.withBudget(
            Option.of(Money.ofMinor(arg % 3, Currency.getInstance("CNY")))), stamp);
      case 3:
        return lead.addContactPoint(
            ContactPoint.of(EmailAddress.parse(EMAILS.get(arg % EMAILS.size()))), stamp);
      case 4:
        return lead.setAttribute(arg % 2 == 0 ? "tier" : "Tier", "abc".substring(arg % 3),
            stamp);
      case 5:
        return lead.removeAttribute(arg % 2 == 0 ? "tier" : "region", stamp);
      case 6:
        return lead.assign(OWNERS.get(arg % OWNERS.size()),
            Option.when(arg % 2 == 0, TeamId.parse("T-call")), stamp);
      case 7:
        return lead.rescore(arg % 110 - 5, stamp);
      case 8:
        return lead.disqualify(REASONS.get(arg % REASONS.size()),
            arg % 2 == 0 ? Option.none() : Option.of("Call next year"), stamp);
      case 9:
        return lead.requalify(stamp);
      default:
        return arg % 5 == 0 ? lead.convert(CustomerId.parse("C-" + arg % 7), arg % 2 == 0,
            Option.when(arg % 3 == 0, OpportunityId.parse("O-1")), stamp)
            : lead.qualify(stamp);
    }
  }

  @Test
  void commandsKeepTheInvariantsAndTheStatusTable() {
    java.util.Set<LeadStatus> reached = java.util.EnumSet.noneOf(LeadStatus.class);
    qt().forAll(SCRIPTS).checkAssert(script -> {
      Lead lead = aLead();
      Instant clock = lead.updatedAt();
      for (int code : script) {
        clock = clock.plus(Duration.ofMinutes((code / 1320) % 40 - 5));
        Either<LeadRejection, Transition<Lead>> result = apply(lead, code, stamp(clock));
        if (result.isLeft()) {
          LeadRejection refusal = result.getLeft();
          assertThat(refusal.status()).isEqualTo(lead.status());
          assertThat(refusal.allowed()).isEqualTo(lead.status().allowedNext());
          if (lead.status() == LeadStatus.CONVERTED) {
            assertThat(refusal.code()).isEqualTo("lead.converted");
          }
          continue;
        }
        Lead next = result.get().state();
        Lead before = lead;
        reached.add(next.status());
        assertThat(lead.status()).isNotEqualTo(LeadStatus.CONVERTED);
        assertThat(next.status() == lead.status() || lead.status().mayMoveTo(next.status()))
            .as("%s -> %s", lead.status(), next.status()).isTrue();
        assertThat(result.get().events()).singleElement()
            .isInstanceOfSatisfying(LeadEvent.class, event -> {
              assertThat(event.leadId()).isEqualTo(before.id());
              assertThat(event.occurredAt()).isEqualTo(next.updatedAt());
            });
        assertThat(next.updatedAt()).isAfterOrEqualTo(lead.updatedAt());
        assertThat(next.createdAt()).isEqualTo(lead.createdAt());
        assertThat(next.disqualification().isDefined())
            .isEqualTo(next.status() == LeadStatus.DISQUALIFIED);
        assertThat(next.conversion().isDefined())
            .isEqualTo(next.status() == LeadStatus.CONVERTED);
        assertThat(next.score()).allSatisfy(score -> assertThat(score).isBetween(0, 100));
        assertThat(next.contactValues().map(v -> v.matchKey()).distinct())
            .hasSameSizeAs(next.contactPoints());
        assertThat(rebuilt(next)).isEqualTo(next);
        lead = next;
      }
    });
    assertThat(reached).as("the scripts reach every status").hasSize(LeadStatus.values().length);
  }

  /** Rebuilds a lead through its canonical constructor, which checks every invariant. */
  static Lead rebuilt(Lead lead) {
    return new Lead(lead.id(), lead.status(), lead.name(), lead.organizationName(),
        lead.contactPoints(), lead.source(), lead.qualification(), lead.interests(),
        lead.estimatedValue(), lead.attributes(), lead.score(), lead.owner(), lead.team(),
        lead.disqualification(), lead.conversion(), lead.createdAt(), lead.createdBy(),
        lead.updatedAt());
  }
}
