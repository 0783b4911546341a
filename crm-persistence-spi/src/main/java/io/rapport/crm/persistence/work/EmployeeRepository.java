package io.rapport.crm.persistence.work;

import static java.util.Objects.requireNonNull;

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
import io.rapport.crm.work.Employee;
import io.rapport.crm.work.Role;
import io.vavr.control.Option;

/**
 * Stores employees and lists them by team and by role. Obtain one with {@link #in(CrmStore)} or
 * {@link #in(Transaction)}.
 */
public final class EmployeeRepository extends ForwardingRepository<EmployeeId, Employee> {

  /** The index of employees by team. */
  public static final String BY_TEAM = "by_team";
  /** The index of active employees by role. */
  public static final String BY_ROLE = "by_role";

  /** The aggregate type of employees, with its indexes. */
  public static final AggregateType<EmployeeId, Employee> TYPE =
      AggregateType.of("employee", Employee.class, EmployeeId.KIND)
          .withIndex(Index.byKey(BY_TEAM, (Employee e) -> e.teams().map(TeamId::value)))
          .withIndex(Index.byKey(BY_ROLE, (Employee e) -> e.active() ? e.roles().map(Role::code)
              : io.vavr.collection.List.<String>empty()));

  private EmployeeRepository(Repository<EmployeeId, Employee> delegate) {
    super(delegate);
  }

  /**
   * Returns the employee repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   */
  public static EmployeeRepository in(CrmStore store) {
    return new EmployeeRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the employee repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   */
  public static EmployeeRepository in(Transaction tx) {
    return new EmployeeRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists a team's members in id order.
   *
   * @param team the team
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Employee>, IndexCursor> inTeam(TeamId team, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(BY_TEAM, team.value(), limit).after(after));
  }

  /**
   * Lists the active employees holding a role, in id order.
   *
   * @param role the role
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   */
  public Page<Versioned<Employee>, IndexCursor> withRole(Role role, Option<IndexCursor> after,
      int limit) {
    return query(IndexQuery.of(BY_ROLE, role.code(), limit).after(after));
  }
}
