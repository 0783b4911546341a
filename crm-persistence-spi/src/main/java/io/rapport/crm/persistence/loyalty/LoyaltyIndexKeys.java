package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LoyaltyProgramId;

/** Builds the keys of the loyalty ports' indexes, from aggregate components only. */
final class LoyaltyIndexKeys {

  /** Joins the parts of a composite key; ids never contain it. */
  static final String SEPARATOR = "/";

  private LoyaltyIndexKeys() {}

  /** Encodes the key of a program and a customer: {@code program/customer}. */
  static String memberKey(LoyaltyProgramId program, CustomerId customer) {
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    return program.value() + SEPARATOR + customer.value();
  }
}
