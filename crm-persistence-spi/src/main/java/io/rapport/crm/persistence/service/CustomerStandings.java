package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.service.CustomerStanding;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

/**
 * Looks up what SLA policies may know of a customer: their tier and segments. The host supplies
 * it (from loyalty tiers, value segments or its own data); {@link #fromTags()} reads the
 * customer's tags as segments, {@link #none()} knows nothing.
 */
@FunctionalInterface
public interface CustomerStandings {

  /**
   * Returns the standing of a customer, read in the transaction of the operation.
   *
   * @param tx the transaction
   * @param customer the customer
   * @return the standing; {@link CustomerStanding#NONE} for an unknown customer
   */
  CustomerStanding of(Transaction tx, CustomerId customer);

  /**
   * Returns a lookup that knows no tier and no segment.
   *
   * @return the lookup
   */
  static CustomerStandings none() {
    return (tx, customer) -> CustomerStanding.NONE;
  }

  /**
   * Returns a lookup that reads the stored customer's tags as its segments, with no tier: a
   * policy for segment {@code vip} matches customers tagged {@code vip}. For members' loyalty
   * tiers, wrap it in {@code LoyaltyStandings.of(program, fromTags())}.
   *
   * @return the lookup
   */
  static CustomerStandings fromTags() {
    return (tx, customer) -> {
      requireNonNull(tx, "tx");
      requireNonNull(customer, "customer");
      Option<Versioned<Customer>> found = CustomerRepository.in(tx).find(customer);
      return found.map(v -> new CustomerStanding(Option.none(),
          HashSet.ofAll(v.value().tags()).filter(tag -> !tag.isBlank())))
          .getOrElse(CustomerStanding.NONE);
    };
  }
}
