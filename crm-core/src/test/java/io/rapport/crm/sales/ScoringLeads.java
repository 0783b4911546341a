package io.rapport.crm.sales;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.quicktheories.QuickTheory;

/**
 * Builds leads for the scoring tests with the canonical constructor, satisfying the lead
 * invariants (new, not disqualified nor converted, never scored, created before updated).
 */
final class ScoringLeads {

  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency USD = Currency.getInstance("USD");
  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private static final Instant CREATED = Instant.parse("2026-02-01T02:00:00Z");

  private ScoringLeads() {}

  /** Runs QuickTheories with a fixed seed, as the kernel's tests do. */
  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  /** Starts a lead that came through the web and knows nothing else. */
  static Builder aLead() {
    return new Builder();
  }

  /** Collects the facts of a test lead. */
  static final class Builder {
    private String channel = "web";
    private Option<String> campaign = Option.none();
    private Option<String> organization = Option.none();
    private List<ContactPoint> contacts = List.empty();
    private Option<Money> budget = Option.none();
    private Option<Boolean> decisionMaker = Option.none();
    private Option<String> need = Option.none();
    private Option<LocalDate> timeline = Option.none();
    private Option<Money> estimatedValue = Option.none();
    private TreeMap<String, String> attributes = TreeMap.empty();
    private List<ProductId> interests = List.empty();

    Builder channel(String value) {
      channel = value;
      return this;
    }

    Builder campaign(String value) {
      campaign = Option.of(value);
      return this;
    }

    Builder organization(String value) {
      organization = Option.of(value);
      return this;
    }

    Builder email(String value) {
      contacts = contacts.append(ContactPoint.of(EmailAddress.parse(value)));
      return this;
    }

    Builder phone(String e164) {
      contacts = contacts.append(ContactPoint.of(PhoneNumber.ofE164(e164)));
      return this;
    }

    Builder budget(Money value) {
      budget = Option.of(value);
      return this;
    }

    Builder decisionMaker(boolean value) {
      decisionMaker = Option.of(value);
      return this;
    }

    Builder need(String value) {
      need = Option.of(value);
      return this;
    }

    Builder timeline(LocalDate value) {
      timeline = Option.of(value);
      return this;
    }

    Builder estimatedValue(Money value) {
      estimatedValue = Option.of(value);
      return this;
    }

    Builder attribute(String name, String value) {
      attributes = attributes.put(name, value);
      return this;
    }

    Builder interestedIn(String product) {
      interests = interests.append(ProductId.parse(product));
      return this;
    }

    Lead build() {
      return new Lead(LeadId.parse("L-1"), LeadStatus.NEW, "Wang Xiaoming", organization,
          contacts, new AcquisitionSource(channel, campaign, Option.none(), Option.none()),
          new Qualification(budget, decisionMaker, need, timeline), interests, estimatedValue,
          attributes, Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
          CREATED, ActorId.parse("employee:E-7"), CREATED.plusSeconds(3600));
    }
  }
}
