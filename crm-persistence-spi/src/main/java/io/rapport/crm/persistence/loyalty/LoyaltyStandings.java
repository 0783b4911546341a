package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.service.CustomerStandings;
import io.rapport.crm.service.CustomerStanding;
import io.vavr.control.Option;

/**
 * Reads what a customer's loyalty membership gives them, for the service and pricing rules: their
 * tier in a program (which {@link io.rapport.crm.service.SlaPolicy SLA policies} match on) and the
 * tier's {@link TierBenefits} (discount, points multiplier, service priority, perks).
 */
public final class LoyaltyStandings {

  private LoyaltyStandings() {}

  /**
   * Returns the customer standings the service desk uses: the customer's tier in a program, and
   * their segments as {@code base} gives them (such as {@link CustomerStandings#fromTags()}).
   *
   * @param program the program whose tiers count
   * @param base where the segments come from
   * @return the standings
   * @throws NullPointerException if an argument is null
   */
  public static CustomerStandings of(LoyaltyProgramId program, CustomerStandings base) {
    requireNonNull(program, "program");
    requireNonNull(base, "base");
    return (tx, customer) -> {
      CustomerStanding standing = base.of(tx, customer);
      Option<String> tier = LoyaltyAccountRepository.in(tx)
          .ofProgramAndCustomer(program, customer).map(v -> v.value().tier().tier());
      return new CustomerStanding(tier.orElse(standing.tier()), standing.segments());
    };
  }

  /**
   * Returns the benefits of a customer's current tier in a program.
   *
   * @param tx the transaction to read in
   * @param program the program
   * @param customer the customer
   * @return the benefits, or empty if the customer is not a member or the program is not stored
   * @throws NullPointerException if an argument is null
   */
  public static Option<TierBenefits> benefits(Transaction tx, LoyaltyProgramId program,
      CustomerId customer) {
    requireNonNull(tx, "tx");
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    Option<LoyaltyAccount> account = LoyaltyAccountRepository.in(tx)
        .ofProgramAndCustomer(program, customer).map(Versioned::value);
    Option<LoyaltyProgram> stored = LoyaltyProgramRepository.in(tx).find(program)
        .map(Versioned::value);
    return account.flatMap(a -> stored.flatMap(p -> p.ladder().tiers()
        .find(t -> t.code().equals(a.tier().tier())).map(Tier::benefits)));
  }
}
