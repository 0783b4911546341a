package io.rapport.crm.persistence.privacy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.customer.MergeJournalRepository;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Gathers every personal datum a store holds about a customer into one JSON document (the right
 * of access and to data portability): the customer, their interactions, the leads naming them,
 * their opportunities, purchases, tickets (conversation included), loyalty accounts, the work
 * activities about them or those records, and the merge journals naming them, each in the codec's
 * JSON form. Records are found through the ports'
 * indexes; only the leads converted into the customer without sharing a contact value need a read
 * of every lead, as no index files leads by the customer they became. Immutable and thread-safe.
 *
 * <p>The document: {@code {"format": "rapport.privacy_export", "version": 1, "customerId": …,
 * "customer": {…}, "interactions": […], "leads": […], "opportunities": […], "purchases": […],
 * "tickets": […], "loyaltyAccounts": […], "activities": […], "mergeJournals": […]}}, each list in
 * its port's order (activities in id order).
 */
public final class PrivacyExport {

  /** The value of the document's {@code format} field. */
  public static final String FORMAT = "rapport.privacy_export";

  /** The version of the document's shape. */
  public static final int VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();

  private final CrmStore store;
  private final JsonCodec codec;

  private PrivacyExport(CrmStore store, JsonCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /**
   * Returns the export service of a store.
   *
   * @param store the store
   * @param codec the codec writing each record, such as {@link JsonCodec#standard()}
   * @return the service
   * @throws NullPointerException if an argument is null
   */
  public static PrivacyExport of(CrmStore store, JsonCodec codec) {
    return new PrivacyExport(requireNonNull(store, "store"), requireNonNull(codec, "codec"));
  }

  /**
   * Exports every personal datum held about a customer as a JSON document.
   *
   * @param customer the customer's id
   * @return the document, or {@code privacy.customer_not_found}
   * @throws NullPointerException if customer is null
   * @throws CodecException if a stored record has no JSON form in the codec
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<PrivacyRefusal, String> export(CustomerId customer) {
    requireNonNull(customer, "customer");
    Option<Versioned<Customer>> found = CustomerRepository.in(store).find(customer);
    if (found.isEmpty()) {
      return Either.left(PrivacyRefusal.of(PrivacyRefusal.CUSTOMER_NOT_FOUND,
          "No customer " + customer + " is stored"));
    }
    Customer subject = found.get().value();
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeNumberField("version", VERSION);
      json.writeStringField("customerId", customer.value());
      json.writeFieldName("customer");
      json.writeRawValue(codec.encode(subject));
      InteractionRepository interactions = InteractionRepository.in(store);
      list(json, "interactions", PersonalRecords.allPages(
          after -> interactions.ofCustomer(customer, after, PersonalRecords.PAGE)));
      Seq<Versioned<io.rapport.crm.sales.Lead>> leads =
          PersonalRecords.leadsOf(LeadRepository.in(store), subject);
      list(json, "leads", leads);
      OpportunityRepository opportunities = OpportunityRepository.in(store);
      list(json, "opportunities", PersonalRecords.allPages(
          after -> opportunities.ofCustomer(customer, after, PersonalRecords.PAGE)));
      PurchaseRepository purchases = PurchaseRepository.in(store);
      list(json, "purchases", PersonalRecords.allPages(
          after -> purchases.ofCustomer(customer, after, PersonalRecords.PAGE)));
      TicketRepository tickets = TicketRepository.in(store);
      list(json, "tickets", PersonalRecords.allPages(
          after -> tickets.ofCustomer(customer, after, PersonalRecords.PAGE)));
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      list(json, "loyaltyAccounts", PersonalRecords.allPages(
          after -> accounts.ofCustomer(customer, after, PersonalRecords.PAGE)));
      ActivityRepository activities = ActivityRepository.in(store);
      list(json, "activities", PersonalRecords.activitiesAbout(activities,
          PersonalRecords.recordsAbout(subject, interactions, leads, opportunities, tickets)));
      list(json, "mergeJournals", MergeJournalRepository.in(store).of(customer));
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException("Writing to memory failed", impossible);
    }
    return Either.right(out.toString());
  }

  private void list(JsonGenerator json, String field, Seq<? extends Versioned<?>> records)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Versioned<?> record : records) {
      json.writeRawValue(codec.encode(record.value()));
    }
    json.writeEndArray();
  }
}
