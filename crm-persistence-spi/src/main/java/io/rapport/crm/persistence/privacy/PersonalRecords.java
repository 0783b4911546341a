package io.rapport.crm.persistence.privacy;

import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.audit.AuditEntry;
import io.rapport.crm.persistence.audit.AuditLog;
import io.rapport.crm.persistence.audit.FieldChange;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.work.Activity;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.function.Function;

/** Finds the records that hold a customer's personal data, through the ports' indexes. */
final class PersonalRecords {

  static final int PAGE = 500;

  private PersonalRecords() {}

  /** Reads every page of a query. */
  static <A> List<Versioned<A>> allPages(
      Function<Option<IndexCursor>, Page<Versioned<A>, IndexCursor>> query) {
    List<Versioned<A>> all = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<A>, IndexCursor> page = query.apply(after);
      all = all.appendAll(page.items());
      after = page.next();
    } while (after.isDefined());
    return all;
  }

  /**
   * Returns the leads that name a customer: those holding one of the customer's contact values
   * (found through the {@code by_contact} index) unless converted into another customer, and those
   * converted into this customer. No index files leads by the customer they were converted into,
   * so the second part reads every lead, page by page, in id order.
   */
  static Seq<Versioned<Lead>> leadsOf(LeadRepository leads, Customer customer) {
    CustomerId id = customer.id();
    LinkedHashMap<String, Versioned<Lead>> found = LinkedHashMap.empty();
    for (ContactPoint point : customer.contactPoints()) {
      for (Versioned<Lead> lead : leads.byContactValue(point.value())) {
        if (lead.value().conversion().forAll(c -> c.customer().equals(id))) {
          found = found.put(lead.value().id().value(), lead);
        }
      }
    }
    Option<io.rapport.crm.kernel.LeadId> after = Option.none();
    do {
      Page<Versioned<Lead>, io.rapport.crm.kernel.LeadId> page = leads.list(after, PAGE);
      for (Versioned<Lead> lead : page.items()) {
        if (lead.value().conversion().exists(c -> c.customer().equals(id))) {
          found = found.put(lead.value().id().value(), lead);
        }
      }
      after = page.next();
    } while (after.isDefined());
    return found.values().toList().sortBy(v -> v.value().id().value());
  }

  /**
   * Returns the records about a customer that an activity may relate to: the customer, their
   * interactions, the given leads, their opportunities and their tickets.
   */
  static Seq<RecordRef> recordsAbout(Customer customer, InteractionRepository interactions,
      Seq<Versioned<Lead>> leads, OpportunityRepository opportunities, TicketRepository tickets) {
    CustomerId id = customer.id();
    return List.of(RecordRef.to(id))
        .appendAll(allPages(after -> interactions.ofCustomer(id, after, PAGE))
            .map(v -> RecordRef.to(v.value().id())))
        .appendAll(leads.map(v -> RecordRef.to(v.value().id())))
        .appendAll(allPages(after -> opportunities.ofCustomer(id, after, PAGE))
            .map(v -> RecordRef.to(v.value().id())))
        .appendAll(allPages(after -> tickets.ofCustomer(id, after, PAGE))
            .map(v -> RecordRef.to(v.value().id())));
  }

  /**
   * Returns the activities related to any of some records (through the {@code by_related}
   * index), each once, in id order.
   */
  static Seq<Versioned<Activity>> activitiesAbout(ActivityRepository activities,
      Seq<RecordRef> records) {
    LinkedHashMap<String, Versioned<Activity>> found = LinkedHashMap.empty();
    for (RecordRef record : records) {
      for (Versioned<Activity> activity
          : allPages(after -> activities.relatedTo(record, after, PAGE))) {
        found = found.put(activity.value().id().value(), activity);
      }
    }
    return found.values().toList().sortBy(v -> v.value().id().value());
  }

  /**
   * Returns the redacted leads, not converted into another customer, whose audit trail (read in
   * the transaction, so the erasure's own entries count) holds one of the customer's contact
   * values: the leads that held them before an erasure redacted them, which the contact values
   * no longer find. Reads every lead, page by page.
   */
  static Seq<Versioned<Lead>> redactedLeadsAudited(Transaction tx, LeadRepository leads,
      Customer customer) {
    Seq<String> values = customer.contactPoints().flatMap(point -> List.of(
        point.value().toString(), point.value().matchKey())).distinct();
    if (values.isEmpty()) {
      return List.empty();
    }
    Repository<EventId, AuditEntry> entries = tx.repository(AuditLog.TYPE);
    List<Versioned<Lead>> found = List.empty();
    Option<io.rapport.crm.kernel.LeadId> after = Option.none();
    do {
      Page<Versioned<Lead>, io.rapport.crm.kernel.LeadId> page = leads.list(after, PAGE);
      for (Versioned<Lead> lead : page.items()) {
        Lead value = lead.value();
        if (value.name().equals(Channel.REDACTED)
            && value.conversion().forAll(c -> c.customer().equals(customer.id()))
            && auditHolds(entries, LeadRepository.TYPE.name() + "/" + value.id().value(),
                values)) {
          found = found.append(lead);
        }
      }
      after = page.next();
    } while (after.isDefined());
    return found;
  }

  private static boolean auditHolds(Repository<EventId, AuditEntry> entries, String recordKey,
      Seq<String> values) {
    for (Versioned<AuditEntry> entry : allPages(after -> entries.query(
        IndexQuery.of(AuditLog.BY_RECORD, recordKey, PAGE).after(after)))) {
      for (FieldChange change : entry.value().changes()) {
        String text = change.before().getOrElse("") + "\n" + change.after().getOrElse("");
        if (values.exists(text::contains)) {
          return true;
        }
      }
    }
    return false;
  }
}
