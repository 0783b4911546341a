package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds the SLA policies in use and picks the one that applies to a ticket: the first, by rank,
 * whose conditions the ticket meets. Checked at construction: ids and ranks unique, and no policy
 * unreachable behind an earlier one that covers it. Immutable and thread-safe.
 */
public final class SlaPolicyBook {

  private static final SlaPolicyBook EMPTY = new SlaPolicyBook(List.empty());

  private final Seq<SlaPolicy> policies;

  private SlaPolicyBook(Seq<SlaPolicy> policies) {
    this.policies = policies;
  }

  /**
   * Returns a book without policies: no ticket gets one.
   *
   * @return the empty book
   */
  public static SlaPolicyBook empty() {
    return EMPTY;
  }

  /**
   * Checks a set of policies and makes a book of them, reporting every problem at once.
   *
   * <p>Codes and fields, numbered in the order given:
   * <ul>
   *   <li>{@code sla.policy.duplicate_id}: a second policy with an id, such as
   *       {@code policies[2].id};
   *   <li>{@code sla.policy.duplicate_rank}: a second policy with a rank, such as
   *       {@code policies[3].rank};
   *   <li>{@code sla.policy.unreachable}: a policy that never applies because a policy of lower
   *       rank matches every ticket it matches ({@link SlaConditions#covers}), such as
   *       {@code policies[1]}.
   * </ul>
   *
   * @param policies the policies, in any order
   * @return the book, its policies sorted by rank, or every violation
   * @throws NullPointerException if policies or a policy is null
   */
  public static Validation<Seq<Violation>, SlaPolicyBook> of(Seq<SlaPolicy> policies) {
    requireNonNull(policies, "policies");
    policies.forEach(policy -> requireNonNull(policy, "policies"));
    List<Violation> problems = List.empty();
    Map<SlaPolicyId, Integer> ids = new HashMap<>();
    Map<Integer, Integer> ranks = new HashMap<>();
    int i = 0;
    for (SlaPolicy policy : policies) {
      Integer sameId = ids.putIfAbsent(policy.id(), i);
      if (sameId != null) {
        problems = problems.append(Violation.of("sla.policy.duplicate_id",
            "policies[" + i + "].id", "The id " + policy.id() + " is also the id of policies["
                + sameId + "]"));
      }
      Integer sameRank = ranks.putIfAbsent(policy.rank(), i);
      if (sameRank != null) {
        problems = problems.append(Violation.of("sla.policy.duplicate_rank",
            "policies[" + i + "].rank", "The rank " + policy.rank()
                + " is also the rank of policies[" + sameRank + "]"));
      }
      i++;
    }
    i = 0;
    for (SlaPolicy policy : policies) {
      SlaPolicy shadow = null;
      for (SlaPolicy earlier : policies) {
        if (earlier.rank() < policy.rank() && earlier.when().covers(policy.when())
            && (shadow == null || earlier.rank() < shadow.rank())) {
          shadow = earlier;
        }
      }
      if (shadow != null) {
        problems = problems.append(Violation.of("sla.policy.unreachable", "policies[" + i + "]",
            "The policy " + policy.id() + " (rank " + policy.rank() + ") never applies: "
                + shadow.id() + " (rank " + shadow.rank()
                + ") comes first and matches every ticket it matches"));
      }
      i++;
    }
    return problems.isEmpty()
        ? Validation.valid(new SlaPolicyBook(policies.sortBy(SlaPolicy::rank).toList()))
        : Validation.invalid(problems);
  }

  /** Returns the policies, sorted by rank. */
  public Seq<SlaPolicy> policies() {
    return policies;
  }

  /**
   * Finds a policy by its id.
   *
   * @param id the id
   * @return the policy, or empty if the book has none with that id
   * @throws NullPointerException if id is null
   */
  public Option<SlaPolicy> policy(SlaPolicyId id) {
    requireNonNull(id, "id");
    return policies.find(policy -> policy.id().equals(id));
  }

  /**
   * Picks the policy that applies to a ticket: the first, by rank, whose conditions it meets.
   *
   * @param ticket the ticket
   * @param standing the tier and segments of the ticket's customer
   * @return the policy, or empty if none matches
   * @throws NullPointerException if an argument is null
   */
  public Option<SlaPolicy> select(Ticket ticket, CustomerStanding standing) {
    requireNonNull(ticket, "ticket");
    requireNonNull(standing, "standing");
    return policies.find(policy -> policy.matches(ticket, standing));
  }

  /**
   * Compares the policies, in rank order.
   *
   * @param other the object to compare with
   * @return true if other is a book with the same policies
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SlaPolicyBook && policies.equals(((SlaPolicyBook) other).policies);
  }

  @Override
  public int hashCode() {
    return policies.hashCode();
  }

  /** Returns the policies' ids in rank order, such as {@code SlaPolicyBook[urgent, standard]}. */
  @Override
  public String toString() {
    return policies.map(policy -> policy.id().toString()).mkString("SlaPolicyBook[", ", ", "]");
  }
}
