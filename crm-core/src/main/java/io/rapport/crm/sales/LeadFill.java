package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerRejection;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Fills the empty fields of an existing customer from a lead being converted into them, and
 * nothing else: what the customer already holds always wins. Pure and thread-safe.
 *
 * <p>What is filled, each only when the customer has none:
 * <ul>
 *   <li>the organization name;</li>
 *   <li>the acquisition source;</li>
 *   <li>the owner (and then the team, when the customer has none either);</li>
 *   <li>contact points: each of the lead's values the customer does not hold is added, never as
 *       primary unless the customer has none of its kind, and unverified unless the lead
 *       verified it.</li>
 * </ul>
 * The name is never changed, and the lead's free-text attributes stay on the lead: a customer's
 * attributes are typed by the host's schema, and a guess would be wrong more often than right.
 */
public final class LeadFill {

  private LeadFill() {}

  /**
   * Fills the customer's empty fields from the lead, as a sequence of ordinary customer commands
   * whose events share the stamp's time and actor (event ids {@code stamp.next(1)},
   * {@code stamp.next(2)}, …).
   *
   * @param customer the existing customer
   * @param lead the lead being converted
   * @param stamp the event id, time and actor of the conversion
   * @return the customer with every event of the filling (none when nothing was empty), or the
   *     customer's refusal ({@code customer.erased}, {@code customer.merged}, or
   *     {@code customer.invalid} when a lead value breaks a customer rule)
   * @throws NullPointerException if an argument is null
   */
  public static Either<CustomerRejection, Transition<Customer>> fill(Customer customer, Lead lead,
      EventStamp stamp) {
    requireNonNull(customer, "customer");
    requireNonNull(lead, "lead");
    requireNonNull(stamp, "stamp");
    if (customer.isErased()) {
      return Either.left(CustomerRejection.of(CustomerRejection.Reason.ERASED, customer.id(),
          "An erased customer cannot take a lead's data"));
    }
    if (customer.isMerged()) {
      return Either.left(CustomerRejection.of(CustomerRejection.Reason.MERGED, customer.id(),
          "The customer was merged into " + customer.mergedInto().get() + "; convert into that one"));
    }
    List<Function<EventStamp, Step>> steps = List.empty();
    if (customer.organizationName().isEmpty() && lead.organizationName().isDefined()) {
      steps = steps.append(s -> c -> c.changeOrganization(lead.organizationName(), c.taxId(),
          c.parent(), s));
    }
    if (customer.source().isEmpty()) {
      steps = steps.append(s -> c -> c.changeSource(Option.of(lead.source()), s));
    }
    if (customer.owner().isEmpty() && lead.owner().isDefined()) {
      steps = steps.append(s -> c -> c.assign(lead.owner(),
          c.team().isDefined() ? c.team() : lead.team(), s));
    }
    for (ContactPoint point : lead.contactPoints()) {
      boolean held = customer.contactPoints().exists(p -> p.value().equals(point.value()));
      if (!held) {
        steps = steps.append(s -> c -> c.addContactPoint(point.withPrimary(false), s));
      }
    }
    Transition<Customer> result = Transition.of(customer);
    int n = 0;
    for (Function<EventStamp, Step> step : steps) {
      n++;
      Either<CustomerRejection, Transition<Customer>> next =
          step.apply(stamp.next(n)).apply(result.state());
      if (next.isLeft()) {
        return Either.left(next.getLeft());
      }
      Seq<DomainEvent> events = result.events().appendAll(next.get().events());
      result = new Transition<>(next.get().state(), events);
    }
    return Either.right(result);
  }

  /** One customer command, applied to the state so far. */
  @FunctionalInterface
  private interface Step
      extends Function<Customer, Either<CustomerRejection, Transition<Customer>>> {}
}
