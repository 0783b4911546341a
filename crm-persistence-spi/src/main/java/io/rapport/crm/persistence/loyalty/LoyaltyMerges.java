package io.rapport.crm.persistence.loyalty;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.LoyaltyRejection;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.MergeParticipant;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * Makes loyalty accounts follow customer merges: the accounts of the customer merged away move to
 * the survivor ({@link LoyaltyAccount#transferTo}), and an un-merge moves them back. A customer
 * has at most one account per program, so a merge of two customers who are both members of the
 * same program is refused ({@code loyalty.merge.two_memberships}, nothing changes): the host
 * decides first what becomes of the two memberships (for example, moves the points of one with
 * adjustments and closes it), then merges.
 */
public final class LoyaltyMerges {

  private LoyaltyMerges() {}

  /**
   * Returns the merge participant for loyalty accounts, to register with the customer merges
   * (as {@code CrmServices} does).
   *
   * @return the participant
   */
  public static MergeParticipant followMerges() {
    return new MergeParticipant() {
      @Override
      public Either<Rejection, Seq<RecordRef>> repoint(Transaction tx, CustomerId from,
          CustomerId to, Supplier<EventStamp> stamps) {
        LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(tx);
        Option<IndexCursor> after = Option.none();
        do {
          Page<Versioned<LoyaltyAccount>, IndexCursor> page =
              accounts.ofCustomer(from, after, IndexQuery.MAX_LIMIT);
          for (Versioned<LoyaltyAccount> account : page.items()) {
            LoyaltyProgramId program = account.value().program();
            if (accounts.ofProgramAndCustomer(program, to).isDefined()) {
              return Either.left(LoyaltyRefusal.of("loyalty.merge.two_memberships",
                  "Customers " + from + " and " + to + " both belong to loyalty program "
                      + program + "; settle the two memberships before merging them"));
            }
          }
          after = page.next();
        } while (after.isDefined());
        return moving(tx).repoint(tx, from, to, stamps);
      }

      @Override
      public Either<Rejection, Seq<RecordRef>> restore(Transaction tx, Seq<RecordRef> records,
          CustomerId to, Supplier<EventStamp> stamps) {
        return moving(tx).restore(tx, records, to, stamps);
      }
    };
  }

  private static MergeParticipant moving(Transaction tx) {
    java.util.Map<LoyaltyProgramId, Option<LoyaltyProgram>> programs = new java.util.HashMap<>();
    return MergeParticipant.following(LoyaltyAccountId.KIND, LoyaltyAccountRepository::in,
        (accounts, customer, after) -> accounts.ofCustomer(customer, after,
            IndexQuery.MAX_LIMIT),
        (account, customer, stamp) -> {
          Option<LoyaltyProgram> program = programs.computeIfAbsent(account.program(),
              id -> LoyaltyProgramRepository.in(tx).find(id).map(Versioned::value));
          if (program.isEmpty()) {
            return Either.<Rejection, Transition<LoyaltyAccount>>left(LoyaltyRefusal.of(
                "loyalty.program_not_found", "No loyalty program " + account.program()
                    + " is stored"));
          }
          Either<LoyaltyRejection, Transition<LoyaltyAccount>> moved =
              account.transferTo(program.get(), customer, stamp);
          return moved.<Rejection>mapLeft(r -> r);
        });
  }
}
