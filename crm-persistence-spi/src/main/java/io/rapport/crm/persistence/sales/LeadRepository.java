package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadStatus;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Stores leads and answers their queries: an owner's or a team's leads and the leads of one status
 * (all newest first), the leads holding a contact value (exactly, on its normalised match key, for
 * duplicate-lead checks) and the leads a campaign brought. Every status is listed, converted and
 * disqualified leads too; filter by {@link #withStatus} for one status. Obtain one with
 * {@link #in(CrmStore)} or {@link #in(Transaction)}; every query is a lookup in an index declared
 * on {@link #TYPE}, derived from the lead's components alone.
 */
public final class LeadRepository extends ForwardingRepository<LeadId, Lead> {

  /** The index of leads by owner, newest first. */
  public static final String BY_OWNER = "by_owner";
  /** The index of leads by team, newest first. */
  public static final String BY_TEAM = "by_team";
  /** The index of leads by status, newest first. */
  public static final String BY_STATUS = "by_status";
  /** The index of leads by the match key of each contact point. */
  public static final String BY_CONTACT = "by_contact";
  /** The index of leads by the campaign of their acquisition source, newest first. */
  public static final String BY_CAMPAIGN = "by_campaign";

  /** The most leads one contact-value lookup returns. */
  public static final int MAX_CANDIDATES = 1000;

  /** The aggregate type of leads, with the indexes of every lead query. */
  public static final AggregateType<LeadId, Lead> TYPE =
      AggregateType.of("lead", Lead.class, LeadId.KIND)
          .withIndex(Index.sorted(BY_OWNER, (Lead l) ->
              l.owner().map(owner -> IndexEntry.newestFirst(owner.value(), l.createdAt()))))
          .withIndex(Index.sorted(BY_TEAM, (Lead l) ->
              l.team().map(team -> IndexEntry.newestFirst(team.value(), l.createdAt()))))
          .withIndex(Index.sorted(BY_STATUS, (Lead l) ->
              List.of(IndexEntry.newestFirst(l.status().name(), l.createdAt()))))
          .withIndex(Index.byKey(BY_CONTACT, (Lead l) ->
              l.contactPoints().map(point -> point.value().matchKey())))
          .withIndex(Index.sorted(BY_CAMPAIGN, (Lead l) -> l.source().campaign()
              .filter(LeadRepository::indexable)
              .map(campaign -> IndexEntry.newestFirst(campaign, l.createdAt()))));

  private LeadRepository(Repository<LeadId, Lead> delegate) {
    super(delegate);
  }

  /**
   * Returns the lead repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static LeadRepository in(CrmStore store) {
    return new LeadRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the lead repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static LeadRepository in(Transaction tx) {
    return new LeadRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  private static boolean indexable(String key) {
    return !key.isEmpty() && key.length() <= IndexEntry.MAX_KEY_LENGTH;
  }

  /**
   * Lists an owner's leads of every status, newest created first; ties in id order.
   *
   * @param owner the owner
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Lead>, IndexCursor> ownedBy(EmployeeId owner, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(BY_OWNER, requireNonNull(owner, "owner").value(), limit)
        .after(after));
  }

  /**
   * Lists a team's leads of every status, newest created first; ties in id order.
   *
   * @param team the team
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Lead>, IndexCursor> ofTeam(TeamId team, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(BY_TEAM, requireNonNull(team, "team").value(), limit)
        .after(after));
  }

  /**
   * Lists the leads of one status, newest created first; ties in id order.
   *
   * @param status the status
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Lead>, IndexCursor> withStatus(LeadStatus status,
      Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(BY_STATUS, requireNonNull(status, "status").name(), limit)
        .after(after));
  }

  /**
   * Finds the leads holding a contact value, exactly on its normalised match key (an email in any
   * case, a phone in any format): the check for a duplicate lead before capturing a new one.
   *
   * @param value the contact value
   * @return the leads of every status, in id order, at most {@value #MAX_CANDIDATES}
   */
  public Seq<Versioned<Lead>> byContactValue(ContactValue value) {
    return query(IndexQuery.of(BY_CONTACT, requireNonNull(value, "value").matchKey(),
        MAX_CANDIDATES)).items();
  }

  /**
   * Lists the leads whose acquisition source names a campaign, exactly as written, newest created
   * first; ties in id order.
   *
   * @param campaign the campaign
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page; empty for an empty campaign or one too long to index (over 512
   *     characters)
   */
  public Page<Versioned<Lead>, IndexCursor> fromCampaign(String campaign,
      Option<IndexCursor> after, int limit) {
    requireNonNull(campaign, "campaign");
    IndexQuery query = IndexQuery.of(BY_CAMPAIGN, indexable(campaign) ? campaign : " ", limit)
        .after(after);
    return indexable(campaign) ? query(query) : SalesIndexKeys.emptyPage();
  }
}
