package io.rapport.crm.persistence.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.BlockingKeys;
import io.rapport.crm.customer.DuplicateMatcher;
import io.rapport.crm.customer.MatchProfile;
import io.rapport.crm.customer.MatchResult;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * Stores customers and answers the customer queries: by owner, team, lifecycle stage and tag (id
 * order, keyset pages), by contact point (exact, on the normalised value) and duplicate candidates
 * (by blocking key, so a lookup never scans everyone). Customers merged into another are left out
 * of every query; erased ones only appear under owner, team, stage and tag. Obtain one with
 * {@link #in(CrmStore)} or {@link #in(Transaction)}; it works on any adapter, since every query
 * is a lookup in an index declared on {@link #TYPE}.
 */
public final class CustomerRepository extends ForwardingRepository<CustomerId, Customer> {

  /** The index of customers by owner id. */
  public static final String BY_OWNER = "by_owner";
  /** The index of customers by team id. */
  public static final String BY_TEAM = "by_team";
  /** The index of customers by lifecycle stage name. */
  public static final String BY_STAGE = "by_stage";
  /** The index of customers by tag. */
  public static final String BY_TAG = "by_tag";
  /** The index of customers by the match key of each contact point and the tax id. */
  public static final String BY_CONTACT = "by_contact";
  /** The index of customers by duplicate-blocking key. */
  public static final String BY_BLOCKING_KEY = "by_blocking_key";

  /** The aggregate type of customers, with the indexes of every customer query. */
  public static final AggregateType<CustomerId, Customer> TYPE =
      AggregateType.of("customer", Customer.class, CustomerId.KIND)
          .withIndex(Index.byKey(BY_OWNER, (Customer c) -> live(c) ? c.owner().map(EmployeeId::value)
              : Option.<String>none()))
          .withIndex(Index.byKey(BY_TEAM, (Customer c) -> live(c) ? c.team().map(TeamId::value)
              : Option.<String>none()))
          .withIndex(Index.byKey(BY_STAGE, (Customer c) -> live(c) ? List.of(c.stage().name())
              : List.<String>empty()))
          .withIndex(Index.byKey(BY_TAG, (Customer c) -> live(c) ? c.tags() : List.<String>empty()))
          .withIndex(Index.byKey(BY_CONTACT, (Customer c) -> searchable(c) ? c.matchKeys()
              : List.<String>empty()))
          .withIndex(Index.byKey(BY_BLOCKING_KEY, (Customer c) -> searchable(c)
              ? c.blockingKeys() : List.<String>empty()));

  /** The most candidates one duplicate lookup returns. */
  public static final int MAX_CANDIDATES = 1000;

  private CustomerRepository(Repository<CustomerId, Customer> delegate) {
    super(delegate);
  }

  /**
   * Returns the customer repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static CustomerRepository in(CrmStore store) {
    return new CustomerRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the customer repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static CustomerRepository in(Transaction tx) {
    return new CustomerRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  private static boolean live(Customer customer) {
    return !customer.isMerged();
  }

  private static boolean searchable(Customer customer) {
    return !customer.isMerged() && !customer.isErased();
  }

  /**
   * Lists an owner's customers in id order.
   *
   * @param owner the owner
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Customer>, IndexCursor> byOwner(EmployeeId owner, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(BY_OWNER, owner.value(), limit).after(after));
  }

  /**
   * Lists a team's customers in id order.
   *
   * @param team the team
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Customer>, IndexCursor> byTeam(TeamId team, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(BY_TEAM, team.value(), limit).after(after));
  }

  /**
   * Lists the customers in a lifecycle stage in id order.
   *
   * @param stage the stage
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Customer>, IndexCursor> byStage(LifecycleStage stage,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_STAGE, stage.name(), limit).after(after));
  }

  /**
   * Lists the customers with a tag in id order.
   *
   * @param tag the tag, in any case
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Customer>, IndexCursor> byTag(String tag, Option<IndexCursor> after,
      int limit) {
    String normal = Customer.normalisedTag(requireNonNull(tag, "tag"));
    return query(IndexQuery.of(BY_TAG, normal.isEmpty() ? " " : normal, limit).after(after));
  }

  /**
   * Finds the customers holding a contact point, exactly on its normalised value (an email in any
   * case, a phone in any format).
   *
   * @param value the contact value
   * @return the customers, in id order (usually one)
   */
  public Seq<Versioned<Customer>> byContactPoint(ContactValue value) {
    return query(IndexQuery.of(BY_CONTACT, value.matchKey(), MAX_CANDIDATES)).items();
  }

  /**
   * Finds the customers that share a tax id.
   *
   * @param taxId the tax id as entered (normalised as customers store it)
   * @return the customers, in id order
   */
  public Seq<Versioned<Customer>> byTaxId(String taxId) {
    String normal = Customer.normalisedTaxId(requireNonNull(taxId, "taxId"));
    return normal.isEmpty() ? List.empty()
        : query(IndexQuery.of(BY_CONTACT, "tax:" + normal, MAX_CANDIDATES)).items();
  }

  /**
   * Returns the customers that share a blocking key with the given keys: the candidates a
   * duplicate matcher should score. Never scans the whole store.
   *
   * @param keys the blocking keys of the probe, such as {@code customer.blockingKeys()}
   * @param except an id to leave out (the probe's own), or empty
   * @param limit the most candidates to return, 1 to {@value #MAX_CANDIDATES}
   * @return distinct candidates, those sharing more keys first, then in id order
   */
  public Seq<Versioned<Customer>> duplicateCandidates(Set<String> keys, Option<CustomerId> except,
      int limit) {
    requireNonNull(keys, "keys");
    requireNonNull(except, "except");
    if (limit < 1 || limit > MAX_CANDIDATES) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_CANDIDATES + ": " + limit);
    }
    LinkedHashMap<CustomerId, Versioned<Customer>> found = LinkedHashMap.empty();
    java.util.Map<CustomerId, Integer> shared = new java.util.HashMap<>();
    for (String key : keys.toSortedSet()) {
      for (Versioned<Customer> candidate
          : query(IndexQuery.of(BY_BLOCKING_KEY, key, MAX_CANDIDATES)).items()) {
        CustomerId id = candidate.value().id();
        if (except.contains(id)) {
          continue;
        }
        found = found.put(id, candidate);
        shared.merge(id, 1, Integer::sum);
      }
    }
    return found.values().toList()
        .sorted((a, b) -> {
          int byShared = Integer.compare(shared.get(b.value().id()), shared.get(a.value().id()));
          return byShared != 0 ? byShared : a.value().id().value().compareTo(b.value().id().value());
        })
        .take(limit);
  }

  /**
   * Finds a customer's likely duplicates: the candidates sharing a blocking key, scored and ranked
   * by the matcher with the evidence for each score. Never scans the whole store.
   *
   * @param probe the customer to check, stored or not (it is left out of its own results)
   * @param matcher the match rules
   * @param limit the most results, 1 to {@value #MAX_CANDIDATES}
   * @return the matches, best first, each explaining itself
   */
  public Seq<MatchResult> findDuplicates(Customer probe, DuplicateMatcher matcher, int limit) {
    requireNonNull(probe, "probe");
    requireNonNull(matcher, "matcher");
    MatchProfile profile = probe.matchProfile();
    Seq<Versioned<Customer>> candidates = duplicateCandidates(BlockingKeys.of(profile),
        Option.of(probe.id()), MAX_CANDIDATES);
    return matcher.rank(profile, candidates.map(v -> v.value().matchProfile()), limit);
  }
}
