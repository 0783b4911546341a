package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerRejection;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Erases a stored customer (the right to be forgotten) in one transaction: the customer's personal
 * data ({@link Customer#erase}) and the personal text of every interaction with them
 * ({@link Interaction#redact}), with their events, all or nothing. Non-personal facts stay for
 * analytics. Erasing again changes nothing and succeeds. Immutable and thread-safe.
 */
public final class CustomerErasure {

  private final CrmStore store;

  private CustomerErasure(CrmStore store) {
    this.store = store;
  }

  /**
   * Returns the erasure service of a store.
   *
   * @param store the store
   * @return the service
   */
  public static CustomerErasure of(CrmStore store) {
    return new CustomerErasure(requireNonNull(store, "store"));
  }

  /**
   * Erases a customer and redacts their interactions.
   *
   * @param customer the customer's id
   * @param schema the attribute schema, saying which attributes are personal
   * @param stamp the erasure's event id (further events take {@code stamp.next(n)}), time and actor
   * @return the erased customer, or why nothing changed ({@code customer.not_found}, a version
   *     conflict)
   */
  public Either<Rejection, Customer> erase(CustomerId customer, AttributeSchema schema,
      EventStamp stamp) {
    requireNonNull(customer, "customer");
    requireNonNull(schema, "schema");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      CustomerRepository customers = CustomerRepository.in(tx);
      Option<Versioned<Customer>> found = customers.find(customer);
      if (found.isEmpty()) {
        return Either.left(CustomerRejection.of(CustomerRejection.Reason.NOT_FOUND, customer,
            "No customer " + customer + " is stored"));
      }
      Transition<Customer> erased = found.get().value().erase(schema, stamp);
      if (!erased.events().isEmpty()) {
        Either<UpdateFailure, Versioned<Customer>> saved =
            customers.update(customer, current -> Either.right(erased));
        if (saved.isLeft()) {
          return Either.left(saved.getLeft());
        }
      }
      InteractionRepository interactions = InteractionRepository.in(tx);
      List<InteractionId> ids = List.empty();
      Option<IndexCursor> after = Option.none();
      do {
        Page<Versioned<Interaction>, IndexCursor> page = interactions.ofCustomer(customer, after, 1000);
        ids = ids.appendAll(page.items().filter(v -> !v.value().erased()).map(v -> v.value().id()));
        after = page.next();
      } while (after.isDefined());
      AtomicInteger next = new AtomicInteger(1);
      for (InteractionId id : ids) {
        Either<UpdateFailure, Versioned<Interaction>> redacted =
            interactions.update(id, interaction -> interaction.redact(stamp.next(next.getAndIncrement())));
        if (redacted.isLeft()) {
          return Either.left(redacted.getLeft());
        }
      }
      return Either.right(erased.state());
    });
  }
}
