package io.rapport.crm.persistence.privacy;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerErasure;
import io.rapport.crm.persistence.customer.ErasureParticipant;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.UnaryOperator;

/**
 * Names the erasure participants for the records Rapport stores beyond customers and
 * interactions, and wires them into one {@link CustomerErasure}: the work activities about the
 * customer or their records ({@link io.rapport.crm.work.Activity#redacted}), leads naming the
 * customer ({@link io.rapport.crm.sales.Lead#redacted}), their opportunities
 * ({@link io.rapport.crm.sales.Opportunity#redacted}), their tickets
 * ({@link io.rapport.crm.service.Ticket#redacted}), their purchases
 * ({@link io.rapport.crm.sales.Purchase#redacted}) and their loyalty accounts
 * ({@link io.rapport.crm.loyalty.LoyaltyAccount#redacted}). The audit log, or the host's own
 * records, plug in with {@link CustomerErasure#with}.
 */
public final class ErasureParticipants {

  private ErasureParticipants() {}

  /**
   * Returns the erasure service of a store that erases a customer from every kind of record
   * Rapport stores: the customer, interactions, merge journals, activities, leads, opportunities,
   * tickets, purchases and loyalty accounts. Activities come before leads: an activity about a
   * lead that holds one of the customer's contact values is found through that value, which the
   * lead's redaction removes.
   *
   * <pre>{@code
   * CustomerErasure erasure = ErasureParticipants.everywhere(store)
   *     .with(ErasureParticipants.auditLog(audited.auditLog()));
   * }</pre>
   *
   * @param store the store
   * @return the erasure service
   * @throws NullPointerException if store is null
   */
  public static CustomerErasure everywhere(CrmStore store) {
    return CustomerErasure.of(requireNonNull(store, "store")).with(activities()).with(leads())
        .with(opportunities()).with(tickets()).with(purchases()).with(loyaltyAccounts());
  }

  /**
   * Returns the participant that redacts the leads naming the customer: those holding one of the
   * customer's contact values (unless converted into another customer) and those converted into
   * the customer. No index files leads by the customer they became, so it reads every lead once
   * per erasure, page by page.
   *
   * @return the participant
   */
  public static ErasureParticipant leads() {
    return (tx, customer, schema, stamps) -> {
      LeadRepository leads = LeadRepository.in(tx);
      return saveAll(leads, PersonalRecords.leadsOf(leads, customer),
          lead -> lead.redacted(stamps.get().at()));
    };
  }

  /**
   * Returns the participant that removes free text from the customer's opportunities (found
   * through the {@code by_customer} index).
   *
   * @return the participant
   */
  public static ErasureParticipant opportunities() {
    return (tx, customer, schema, stamps) -> {
      OpportunityRepository opportunities = OpportunityRepository.in(tx);
      return saveAll(opportunities, PersonalRecords.allPages(
          after -> opportunities.ofCustomer(customer.id(), after, PersonalRecords.PAGE)),
          opportunity -> opportunity.redacted(stamps.get().at()));
    };
  }

  /**
   * Returns the participant that redacts the customer's tickets, conversation included (found
   * through the {@code by_customer} index).
   *
   * @return the participant
   */
  public static ErasureParticipant tickets() {
    return (tx, customer, schema, stamps) -> {
      TicketRepository tickets = TicketRepository.in(tx);
      return saveAll(tickets, PersonalRecords.allPages(
          after -> tickets.ofCustomer(customer.id(), after, PersonalRecords.PAGE)),
          ticket -> ticket.redacted(stamps.get().at()));
    };
  }

  /**
   * Returns the participant that removes free text from the customer's purchases (found through
   * the {@code by_customer} index).
   *
   * @return the participant
   */
  public static ErasureParticipant purchases() {
    return (tx, customer, schema, stamps) -> {
      PurchaseRepository purchases = PurchaseRepository.in(tx);
      return saveAll(purchases, PersonalRecords.allPages(
          after -> purchases.ofCustomer(customer.id(), after, PersonalRecords.PAGE)),
          purchase -> purchase.redacted(stamps.get().at()));
    };
  }

  /**
   * Returns the participant that removes the free text of manual point adjustments from the
   * customer's loyalty accounts, in every program (found through the {@code by_customer} index).
   * Points, lots, tiers and dates stay.
   *
   * @return the participant
   */
  public static ErasureParticipant loyaltyAccounts() {
    return (tx, customer, schema, stamps) -> {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(tx);
      return saveAll(accounts, PersonalRecords.allPages(
          after -> accounts.ofCustomer(customer.id(), after, PersonalRecords.PAGE)),
          account -> account.redacted(stamps.get().at()));
    };
  }

  /**
   * Returns the participant that redacts the work activities about the customer: those related
   * to the customer, or to one of their interactions, leads, opportunities or tickets (each found
   * through the activities' {@code by_related} index, the records themselves through theirs).
   * Add it before {@link #leads()}, as {@link #everywhere} does: a lead that holds one of the
   * customer's contact values is found only until it is redacted.
   *
   * @return the participant
   */
  public static ErasureParticipant activities() {
    return (tx, customer, schema, stamps) -> {
      ActivityRepository activities = ActivityRepository.in(tx);
      Seq<RecordRef> about = PersonalRecords.recordsAbout(customer,
          io.rapport.crm.persistence.customer.InteractionRepository.in(tx),
          PersonalRecords.leadsOf(LeadRepository.in(tx), customer),
          OpportunityRepository.in(tx), TicketRepository.in(tx));
      return saveAll(activities, PersonalRecords.activitiesAbout(activities, about),
          activity -> activity.redacted(stamps.get().at()));
    };
  }

  /**
   * Returns the participant that scrubs the audit log's personal values of everything an erasure
   * touches: the entries of the customer, and of their interactions, leads, opportunities,
   * tickets, purchases, loyalty accounts and the activities about them, including the entries
   * the erasure's own changes just wrote when it runs through an
   * {@link io.rapport.crm.persistence.audit.AuditedCrmStore}. Add it last, so it sees those
   * changes: {@code everywhere(store).with(auditLog(audited.auditLog()))}. A lead that held one
   * of the customer's contact values can no longer be found through it once redacted, so the
   * participant also reads the audit trail of every redacted lead and scrubs those whose entries
   * hold one of the customer's contact values.
   *
   * @param log the audit log
   * @return the participant
   * @throws NullPointerException if log is null
   */
  public static ErasureParticipant auditLog(io.rapport.crm.persistence.audit.AuditLog log) {
    requireNonNull(log, "log");
    return (tx, customer, schema, stamps) -> {
      log.scrub(tx, io.rapport.crm.persistence.customer.CustomerRepository.TYPE, customer.id());
      io.rapport.crm.persistence.customer.InteractionRepository interactions =
          io.rapport.crm.persistence.customer.InteractionRepository.in(tx);
      for (Versioned<?> each : PersonalRecords.allPages(
          after -> interactions.ofCustomer(customer.id(), after, PersonalRecords.PAGE))) {
        log.scrub(tx, io.rapport.crm.persistence.customer.InteractionRepository.TYPE,
            ((io.rapport.crm.customer.Interaction) each.value()).id());
      }
      LeadRepository leads = LeadRepository.in(tx);
      Seq<Versioned<io.rapport.crm.sales.Lead>> named = PersonalRecords.leadsOf(leads, customer)
          .appendAll(PersonalRecords.redactedLeadsAudited(tx, leads, customer))
          .distinctBy(v -> v.value().id());
      for (Versioned<io.rapport.crm.sales.Lead> each : named) {
        log.scrub(tx, LeadRepository.TYPE, each.value().id());
      }
      OpportunityRepository opportunities = OpportunityRepository.in(tx);
      for (Versioned<io.rapport.crm.sales.Opportunity> each : PersonalRecords.allPages(
          after -> opportunities.ofCustomer(customer.id(), after, PersonalRecords.PAGE))) {
        log.scrub(tx, OpportunityRepository.TYPE, each.value().id());
      }
      TicketRepository tickets = TicketRepository.in(tx);
      for (Versioned<io.rapport.crm.service.Ticket> each : PersonalRecords.allPages(
          after -> tickets.ofCustomer(customer.id(), after, PersonalRecords.PAGE))) {
        log.scrub(tx, TicketRepository.TYPE, each.value().id());
      }
      PurchaseRepository purchases = PurchaseRepository.in(tx);
      for (Versioned<io.rapport.crm.sales.Purchase> each : PersonalRecords.allPages(
          after -> purchases.ofCustomer(customer.id(), after, PersonalRecords.PAGE))) {
        log.scrub(tx, PurchaseRepository.TYPE, each.value().id());
      }
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(tx);
      for (Versioned<io.rapport.crm.loyalty.LoyaltyAccount> each : PersonalRecords.allPages(
          after -> accounts.ofCustomer(customer.id(), after, PersonalRecords.PAGE))) {
        log.scrub(tx, LoyaltyAccountRepository.TYPE, each.value().id());
      }
      ActivityRepository activities = ActivityRepository.in(tx);
      Seq<RecordRef> about = PersonalRecords.recordsAbout(customer, interactions, named,
          opportunities, tickets);
      for (Versioned<io.rapport.crm.work.Activity> each
          : PersonalRecords.activitiesAbout(activities, about)) {
        log.scrub(tx, ActivityRepository.TYPE, each.value().id());
      }
      return Either.right(List.empty());
    };
  }

  private static <I extends TypedId, A extends Aggregate<I>> Either<Rejection, Seq<RecordRef>>
      saveAll(Repository<I, A> repository, Seq<Versioned<A>> records, UnaryOperator<A> redact) {
    List<RecordRef> changed = List.empty();
    for (Versioned<A> record : records) {
      A redacted = redact.apply(record.value());
      if (!redacted.equals(record.value())) {
        Either<VersionConflict, Version> saved = repository.save(redacted, record.version());
        if (saved.isLeft()) {
          return Either.left(saved.getLeft());
        }
        changed = changed.append(RecordRef.to(redacted.id()));
      }
    }
    return Either.right(changed);
  }
}
