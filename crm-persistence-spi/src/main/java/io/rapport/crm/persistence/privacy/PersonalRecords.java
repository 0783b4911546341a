package io.rapport.crm.persistence.privacy;

import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.sales.Lead;
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
}
