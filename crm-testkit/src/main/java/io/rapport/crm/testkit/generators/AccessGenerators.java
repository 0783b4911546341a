package io.rapport.crm.testkit.generators;

import static java.util.Objects.requireNonNull;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.access.AccessDecision;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldAccess;
import io.rapport.crm.access.Permission;
import io.rapport.crm.access.RecordFacts;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.quicktheories.core.Gen;

/**
 * Generates the access package's types for property tests: actors, the facts of records, and
 * random table-driven access policies. Employees, teams and roles come from small pools
 * ({@link #EMPLOYEES}, {@link #TEAMS}, {@link #ROLES}), so that actors and records meet often:
 * owners own, team members share, managers manage, and roles overlap.
 *
 * <p>Use them in your own laws, or through {@code AccessLaws}, which checks a store decorator
 * against them.
 */
public final class AccessGenerators {

  /** The employees actors and owners are drawn from. */
  public static final List<EmployeeId> EMPLOYEES =
      List.of("e-1", "e-2", "e-3", "e-4").map(EmployeeId::parse);

  /** The teams actors belong to and records are shared with. */
  public static final List<TeamId> TEAMS = List.of("t-1", "t-2", "t-3").map(TeamId::parse);

  /** The role codes actors hold and policies grant to. */
  public static final List<String> ROLES = List.of("agent", "sales", "finance", "auditor");

  private AccessGenerators() {}

  /** Returns employees from {@link #EMPLOYEES}. */
  public static Gen<EmployeeId> employees() {
    return pick(EMPLOYEES);
  }

  /** Returns teams from {@link #TEAMS}. */
  public static Gen<TeamId> teams() {
    return pick(TEAMS);
  }

  /** Returns an employee or none, about one time in five none. */
  public static Gen<Option<EmployeeId>> owners() {
    return integers().between(0, 4).zip(employees(),
        (roll, employee) -> roll == 0 ? Option.<EmployeeId>none() : Option.some(employee));
  }

  /** Returns a team or none, about one time in three none. */
  public static Gen<Option<TeamId>> owningTeams() {
    return integers().between(0, 2).zip(teams(),
        (roll, team) -> roll == 0 ? Option.<TeamId>none() : Option.some(team));
  }

  /** Returns sets of teams from {@link #TEAMS}, possibly empty. */
  public static Gen<Set<TeamId>> teamSets() {
    return subsets(TEAMS);
  }

  /** Returns sets of role codes from {@link #ROLES}, possibly empty. */
  public static Gen<Set<String>> roleSets() {
    return subsets(ROLES);
  }

  /** Returns sets of permissions, possibly empty. */
  public static Gen<Set<Permission>> permissionSets() {
    return subsets(List.of(Permission.values()));
  }

  /**
   * Returns actors: mostly employees with teams, managed teams and roles, sometimes a system with
   * roles.
   */
  public static Gen<Actor> actors() {
    Gen<Actor> people = employees().zip(teamSets(), teamSets(), roleSets(),
        (employee, teams, manages, roles) -> Actor.employee(employee, teams, roles)
            .managing(manages));
    Gen<Actor> systems = roleSets().map(roles -> Actor.system("sync-job", roles));
    return integers().between(0, 5).flatMap(roll -> roll == 0 ? systems : people);
  }

  /**
   * Returns the facts of records of one type, with ids from {@code r-0} to {@code r-9}.
   *
   * @param type the aggregate type's name
   * @return the generator
   * @throws NullPointerException if type is null
   */
  public static Gen<RecordFacts> recordFacts(String type) {
    requireNonNull(type, "type");
    return integers().between(0, 9).zip(owners(), owningTeams(),
        (n, owner, team) -> new RecordFacts(type, "r-" + n, owner, team));
  }

  /**
   * Returns random table-driven policies: each grants a random set of permissions to a record's
   * owner, to members of its team, to managers of its team, and to each role, and shows each
   * field to a random set of roles (masking it for everyone else). Nothing else is allowed. Each
   * policy prints its table.
   *
   * @param fields the maskable fields the policy decides on
   * @return the generator
   * @throws NullPointerException if fields is null
   */
  public static Gen<AccessPolicy> policies(Seq<String> fields) {
    requireNonNull(fields, "fields");
    Gen<Map<String, Set<Permission>>> grants = permissionSets().zip(permissionSets(),
        permissionSets(), (owner, team, manager) -> LinkedHashMap.of(
            "owner", owner, "team", team, "manager", manager));
    Gen<Map<String, Set<Permission>>> roleGrants = mapOf(ROLES.map(role -> "role:" + role),
        permissionSets());
    Gen<Map<String, Set<String>>> fieldRules = mapOf(fields.toList(), roleSets());
    return grants.zip(roleGrants, fieldRules,
        (base, roles, shown) -> new TablePolicy(base.merge(roles), shown));
  }

  private static <K, V> Gen<Map<K, V>> mapOf(List<K> keys, Gen<V> values) {
    Gen<Map<K, V>> result = random -> LinkedHashMap.empty();
    for (K key : keys) {
      Gen<Map<K, V>> before = result;
      result = before.zip(values, (map, value) -> map.put(key, value));
    }
    return result;
  }

  private static <T> Gen<T> pick(List<T> pool) {
    return integers().between(0, pool.size() - 1).map(pool::get);
  }

  private static <T> Gen<Set<T>> subsets(List<T> pool) {
    Gen<Set<T>> result = random -> HashSet.empty();
    for (T each : pool) {
      Gen<Set<T>> before = result;
      result = before.zip(booleans().all(), (set, in) -> in ? set.add(each) : set);
    }
    return result;
  }

  /** A policy given as a table of grants, for property tests. */
  private static final class TablePolicy implements AccessPolicy {

    private final Map<String, Set<Permission>> grants;
    private final Map<String, Set<String>> shownTo;

    TablePolicy(Map<String, Set<Permission>> grants, Map<String, Set<String>> shownTo) {
      this.grants = grants;
      this.shownTo = shownTo;
    }

    @Override
    public AccessDecision decide(Actor actor, Permission permission, RecordFacts record) {
      if (record.owner().isDefined() && actor.employee().equals(record.owner())
          && granted("owner", permission)) {
        return AccessDecision.allow("access.owner", "the actor owns the record");
      }
      if (record.team().exists(actor.teams()::contains) && granted("team", permission)) {
        return AccessDecision.allow("access.team", "the record is shared with the actor's team");
      }
      if (record.team().exists(actor.manages()::contains) && granted("manager", permission)) {
        return AccessDecision.allow("access.manager", "the actor manages the record's team");
      }
      for (String role : actor.roles()) {
        if (granted("role:" + role, permission)) {
          return AccessDecision.allow("access.role", "the role " + role + " may");
        }
      }
      return AccessDecision.deny("no rule allows " + permission + " on " + record.type() + " "
          + record.id());
    }

    private boolean granted(String rule, Permission permission) {
      return grants.get(rule).exists(permissions -> permissions.contains(permission));
    }

    @Override
    public FieldAccess field(Actor actor, String type, String field) {
      return shownTo.get(field).exists(roles -> roles.exists(actor.roles()::contains))
          ? FieldAccess.VISIBLE : FieldAccess.MASKED;
    }

    @Override
    public String toString() {
      return "TablePolicy" + grants.filterValues(set -> !set.isEmpty()) + " fields shown to "
          + shownTo;
    }
  }
}
