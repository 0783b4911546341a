package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.Employee;
import io.rapport.crm.work.Team;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

/**
 * Holds the {@link AccessFacts} of every aggregate type, by the type's name as storage knows it
 * ({@code customer}, {@code ticket}, {@code price_book}, ...). Pure and thread-safe.
 *
 * <p>Owners: a customer, a lead and an opportunity by their owner and team; a ticket by its
 * assignee and team; an activity by its assignee and team; an interaction by the employee who had
 * it; an employee owns their own record; a team's record belongs to the team. Purchases, loyalty
 * accounts, price books, pipelines, SLA policies, articles, loyalty programs and merge journals
 * have no owner here (facts are read from the record alone, and a purchase names only its
 * customer): their facts have an empty owner and team, so only {@code ALL} grants and shares reach
 * them.
 */
public final class StandardAccessFacts {

  /** The type name of customers. */
  public static final String CUSTOMER = "customer";
  /** The type name of price books. */
  public static final String PRICE_BOOK = "price_book";

  private static final TreeMap<String, AccessFacts<?>> FACTS = TreeMap.<String, AccessFacts<?>>empty()
      .put(CUSTOMER, (Customer c) -> facts(CUSTOMER, c, c.owner(), c.team()))
      .put("lead", (Lead l) -> facts("lead", l, l.owner(), l.team()))
      .put("opportunity", (Opportunity o) -> facts("opportunity", o, Option.some(o.owner()),
          o.team()))
      .put("ticket", (Ticket t) -> facts("ticket", t, t.assignee(), t.team()))
      .put("activity", (Activity a) -> facts("activity", a, Option.some(a.assignee()), a.team()))
      .put("interaction", (Interaction i) -> facts("interaction", i, i.employee(), Option.none()))
      .put("employee", (Employee e) -> facts("employee", e, Option.some(e.id()), Option.none()))
      .put("team", (Team t) -> facts("team", t, Option.none(), Option.some(t.id())))
      .put("purchase", unowned("purchase", Purchase.class))
      .put("loyalty_account", unowned("loyalty_account", LoyaltyAccount.class))
      .put(PRICE_BOOK, unowned(PRICE_BOOK, PriceBook.class))
      .put("pipeline", unowned("pipeline", Pipeline.class))
      .put("sla_policy", unowned("sla_policy", SlaPolicy.class))
      .put("article", unowned("article", Article.class))
      .put("loyalty_program", unowned("loyalty_program", LoyaltyProgram.class))
      .put("customer_merge", unowned("customer_merge", MergeJournal.class));

  private StandardAccessFacts() {}

  /** Returns the type names that have facts. */
  public static Set<String> types() {
    return FACTS.keySet();
  }

  /**
   * Returns the facts of an aggregate type, if it is known.
   *
   * @param typeName the aggregate type's name, such as {@code customer}
   * @return its facts, or empty for an unknown type (which a policy then cannot reach)
   * @throws NullPointerException if typeName is null
   */
  public static Option<AccessFacts<?>> factsOf(String typeName) {
    requireNonNull(typeName, "typeName");
    return FACTS.get(typeName);
  }

  /**
   * Returns the facts of an aggregate type, typed by its class.
   *
   * @param typeName the aggregate type's name, such as {@code customer}
   * @param type the aggregate's class, such as {@code Customer.class}
   * @param <A> the aggregate type
   * @return its facts, or empty for an unknown type
   * @throws NullPointerException if an argument is null
   */
  @SuppressWarnings("unchecked")
  public static <A> Option<AccessFacts<A>> factsOf(String typeName, Class<A> type) {
    requireNonNull(type, "type");
    return factsOf(typeName).map(facts -> (AccessFacts<A>) facts);
  }

  /**
   * Returns facts without owner or team for any aggregate, reachable only through {@code ALL}
   * grants and shares.
   *
   * @param typeName the aggregate type's name
   * @param type the aggregate's class
   * @param <A> the aggregate type
   * @return the facts
   * @throws NullPointerException if an argument is null
   */
  public static <A extends Aggregate<?>> AccessFacts<A> unowned(String typeName, Class<A> type) {
    requireNonNull(typeName, "typeName");
    requireNonNull(type, "type");
    return aggregate -> facts(typeName, aggregate, Option.none(), Option.none());
  }

  private static RecordFacts facts(String type, Aggregate<?> aggregate,
      Option<io.rapport.crm.kernel.EmployeeId> owner, Option<io.rapport.crm.kernel.TeamId> team) {
    return RecordFacts.of(type, aggregate, owner, team);
  }
}
