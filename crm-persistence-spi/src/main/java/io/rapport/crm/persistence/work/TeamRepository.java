package io.rapport.crm.persistence.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.work.Team;

/**
 * Stores teams with their members and business calendars. Obtain one with {@link #in(CrmStore)} or
 * {@link #in(Transaction)}.
 */
public final class TeamRepository extends ForwardingRepository<TeamId, Team> {

  /** The aggregate type of teams. */
  public static final AggregateType<TeamId, Team> TYPE =
      AggregateType.of("team", Team.class, TeamId.KIND);

  private TeamRepository(Repository<TeamId, Team> delegate) {
    super(delegate);
  }

  /**
   * Returns the team repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static TeamRepository in(CrmStore store) {
    return new TeamRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the team repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static TeamRepository in(Transaction tx) {
    return new TeamRepository(requireNonNull(tx, "tx").repository(TYPE));
  }
}
