package io.rapport.crm.persistence.access;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;

/** A transaction whose repositories apply the actor's policy; publishing passes through. */
final class SecuredTransaction implements Transaction {

  private final Transaction delegate;
  private final Guard guard;
  private final MaskedValues maskedValues;

  SecuredTransaction(Transaction delegate, Guard guard, MaskedValues maskedValues) {
    this.delegate = delegate;
    this.guard = guard;
    this.maskedValues = maskedValues;
  }

  @Override
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    return new SecuredRepository<>(delegate.repository(type), guard, maskedValues, null);
  }

  @Override
  public void publish(Iterable<? extends DomainEvent> events) {
    delegate.publish(events);
  }
}
