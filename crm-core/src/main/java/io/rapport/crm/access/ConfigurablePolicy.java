package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Decides access from data: grants by role and aggregate type with a scope, a role hierarchy,
 * explicit shares of single records, and field rules. Immutable and thread-safe.
 *
 * <p>Deny by default: an actor may act on a record only when a grant or a share allows it.
 * Permissions are ordered {@code READ < WRITE < DELETE}, and a grant or share of a higher
 * permission implies the lower ones (who may erase a record may change and read it).
 *
 * <p>A grant names a role, an aggregate type name ({@code customer}, or {@code *} for every
 * type), a permission and a {@link Scope}. A role placed above other roles inherits every grant
 * (and every field right) of the roles it is above, transitively. A share gives one record (type
 * and id) to an employee, a team or a role at a permission. A field rule names the roles that see
 * one field of a type; everyone else sees it {@link FieldAccess#MASKED}, and a field without a
 * rule is {@link FieldAccess#VISIBLE}.
 *
 * <p>A system actor has no employee and no team of its own, so only {@link Scope#ALL} grants and
 * shares to its roles apply to it: it gets exactly what its roles grant on every record.
 *
 * <p>Each allowing decision names the rule's code, checked in this order: {@code access.owner},
 * {@code access.team}, {@code access.manager}, {@code access.share}, {@code access.role}; a
 * denial is {@code access.denied}.
 */
public final class ConfigurablePolicy implements AccessPolicy {

  /** The type name that makes a grant or a field rule hold for every aggregate type. */
  public static final String ANY_TYPE = "*";

  /** Names which records of a type a grant covers. */
  public enum Scope {
    /** Records the actor's employee owns. */
    OWN,
    /** Records of a team the actor belongs to. */
    TEAM,
    /**
     * Records of a team the actor manages, or owned by a member of such a team (known from the
     * policy's team members).
     */
    MANAGED,
    /** Every record of the type. */
    ALL
  }

  /** Names who a record is shared with. */
  public enum ShareWith {
    /** One employee. */
    EMPLOYEE,
    /** Every member of a team. */
    TEAM,
    /** Every actor holding a role (directly or by inheritance). */
    ROLE
  }

  /**
   * Allows a role a permission on the records of a type within a scope. Immutable and
   * thread-safe.
   *
   * @param role the role code
   * @param type the aggregate type name, or {@code *}
   * @param permission the highest permission granted (the lower ones are implied)
   * @param scope which records
   */
  public record Grant(String role, String type, Permission permission, Scope scope) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the role or type is malformed
     */
    public Grant {
      requireNonNull(role, "role");
      requireNonNull(type, "type");
      requireNonNull(permission, "permission");
      requireNonNull(scope, "scope");
      orThrow(codeProblems(role, "access.role.malformed", "role")
          .appendAll(typeProblems(type, "type")));
    }
  }

  /**
   * Shares one record with an employee, a team or a role at a permission. Immutable and
   * thread-safe.
   *
   * @param type the record's aggregate type name
   * @param id the record's id value
   * @param with who it is shared with
   * @param to the employee id, team id or role code
   * @param permission the highest permission shared (the lower ones are implied)
   */
  public record Share(String type, String id, ShareWith with, String to, Permission permission) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the type, id or grantee is malformed
     */
    public Share {
      requireNonNull(type, "type");
      requireNonNull(id, "id");
      requireNonNull(with, "with");
      requireNonNull(to, "to");
      requireNonNull(permission, "permission");
      orThrow(shareProblems(type, id, with, to));
    }
  }

  /**
   * Names the roles that see one field of a type; everyone else sees it masked. Immutable and
   * thread-safe.
   *
   * @param type the aggregate type name, or {@code *}
   * @param field the field name, as the type's {@link FieldMasker} names it
   * @param roles the roles that see the real value
   */
  public record FieldRule(String type, String field, Set<String> roles) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the type, field or a role is malformed
     */
    public FieldRule {
      requireNonNull(type, "type");
      requireNonNull(field, "field");
      requireNonNull(roles, "roles");
      orThrow(fieldRuleProblems(type, field, roles));
    }
  }

  private final Seq<Grant> grants;
  private final Map<String, Set<String>> above;
  private final Seq<Share> shares;
  private final Seq<FieldRule> fieldRules;
  private final Map<TeamId, Set<EmployeeId>> members;

  // Derived once, read on every decision: a store decorator asks for every record it reads.
  /** Each role of the hierarchy with every role below it. */
  private final java.util.Map<String, Set<String>> closures;
  /** The grants of each type named by a grant, those for every type included, in order. */
  private final java.util.Map<String, Grant[]> grantsByType;
  /** The grants for every type, for types no grant names. */
  private final Grant[] anyTypeGrants;
  /** The shares by record type, then record id. */
  private final java.util.Map<String, java.util.Map<String, Share[]>> sharesByRecord;

  private ConfigurablePolicy(Seq<Grant> grants, Map<String, Set<String>> above, Seq<Share> shares,
      Seq<FieldRule> fieldRules, Map<TeamId, Set<EmployeeId>> members) {
    this.grants = grants;
    this.above = above;
    this.shares = shares;
    this.fieldRules = fieldRules;
    this.members = members;
    this.closures = new java.util.HashMap<>();
    for (String role : above.keySet().addAll(grants.map(Grant::role))) {
      closures.put(role, inherited(role));
    }
    this.anyTypeGrants = grants.filter(g -> g.type().equals(ANY_TYPE)).toJavaArray(Grant[]::new);
    this.grantsByType = new java.util.HashMap<>();
    for (String type : grants.map(Grant::type).distinct()) {
      if (!type.equals(ANY_TYPE)) {
        grantsByType.put(type, grants.filter(g -> typeMatches(g.type(), type))
            .toJavaArray(Grant[]::new));
      }
    }
    this.sharesByRecord = new java.util.HashMap<>();
    for (Share share : shares) {
      java.util.Map<String, Share[]> ofType =
          sharesByRecord.computeIfAbsent(share.type(), t -> new java.util.HashMap<>());
      Share[] earlier = ofType.getOrDefault(share.id(), new Share[0]);
      Share[] more = java.util.Arrays.copyOf(earlier, earlier.length + 1);
      more[earlier.length] = share;
      ofType.put(share.id(), more);
    }
  }

  /** Returns a policy without any rule: it denies everything and masks nothing. */
  public static ConfigurablePolicy empty() {
    return new ConfigurablePolicy(List.empty(), HashMap.empty(), List.empty(), List.empty(),
        HashMap.empty());
  }

  /**
   * Returns a builder collecting a policy's rules as outside input; {@link Builder#build()}
   * reports every problem at once.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a ready-made policy for a typical sales and service organisation, with four roles:
   * {@code agent} reads and changes the customers, leads, opportunities, tickets, activities and
   * interactions they own or their teams own, and reads every purchase, loyalty account, price
   * book, pipeline, SLA policy, article, loyalty program, employee and team; {@code manager} is
   * above {@code agent} and also reads, changes and erases the records of the teams they manage;
   * {@code admin} is above {@code manager} and may do everything with every record;
   * {@code finance} reads every record of the types above and changes price books and purchases.
   * Only {@code finance} sees price-book margins ({@code price_book} fields {@code cost} and
   * {@code floor}); a customer's {@code phone}, {@code email}, {@code postal_address},
   * {@code messaging} and {@code tax_id} are masked for {@code agent} (seen by {@code manager},
   * {@code admin} and {@code finance}).
   *
   * @return the policy
   */
  public static ConfigurablePolicy standard() {
    Builder builder = builder();
    for (String type : List.of("customer", "lead", "opportunity", "ticket", "activity",
        "interaction")) {
      builder.grant("agent", type, Permission.WRITE, Scope.OWN)
          .grant("agent", type, Permission.WRITE, Scope.TEAM)
          .grant("manager", type, Permission.DELETE, Scope.MANAGED)
          .grant("finance", type, Permission.READ, Scope.ALL);
    }
    for (String type : List.of("purchase", "loyalty_account", "price_book", "pipeline",
        "sla_policy", "article", "loyalty_program", "employee", "team")) {
      builder.grant("agent", type, Permission.READ, Scope.ALL)
          .grant("finance", type, Permission.READ, Scope.ALL);
    }
    builder.grant("finance", "price_book", Permission.WRITE, Scope.ALL)
        .grant("finance", "purchase", Permission.WRITE, Scope.ALL)
        .grant("admin", ANY_TYPE, Permission.DELETE, Scope.ALL)
        .above("manager", "agent")
        .above("admin", "manager")
        .field("price_book", "cost", "finance")
        .field("price_book", "floor", "finance");
    for (String field : List.of("phone", "email", "postal_address", "messaging", "tax_id")) {
      builder.field("customer", field, "manager", "finance");
    }
    return builder.buildOrThrow();
  }

  /** Returns the grants, in the order given. */
  public Seq<Grant> grants() {
    return grants;
  }

  /** Returns the shares, in the order given. */
  public Seq<Share> shares() {
    return shares;
  }

  /** Returns the field rules, in the order given. */
  public Seq<FieldRule> fieldRules() {
    return fieldRules;
  }

  /** Returns, for each role, the roles it is directly above (whose grants it inherits). */
  public Map<String, Set<String>> hierarchy() {
    return above;
  }

  /**
   * Returns a role and every role below it, directly or through others.
   *
   * @param role the role code
   * @return the role with everything it inherits
   * @throws NullPointerException if role is null
   */
  public Set<String> inherited(String role) {
    requireNonNull(role, "role");
    Set<String> seen = HashSet.of(role);
    List<String> todo = List.of(role);
    while (!todo.isEmpty()) {
      String next = todo.head();
      todo = todo.tail();
      for (String below : above.get(next).getOrElse(HashSet.empty())) {
        if (!seen.contains(below)) {
          seen = seen.add(below);
          todo = todo.prepend(below);
        }
      }
    }
    return seen;
  }

  /**
   * Returns this policy with one more grant: it never takes access away.
   *
   * @param grant the grant
   * @return the extended policy
   * @throws NullPointerException if grant is null
   */
  public ConfigurablePolicy withGrant(Grant grant) {
    requireNonNull(grant, "grant");
    return new ConfigurablePolicy(grants.append(grant), above, shares, fieldRules, members);
  }

  /**
   * Returns this policy with one more share: it never takes access away.
   *
   * @param share the share
   * @return the extended policy
   * @throws NullPointerException if share is null
   */
  public ConfigurablePolicy withShare(Share share) {
    requireNonNull(share, "share");
    return new ConfigurablePolicy(grants, above, shares.append(share), fieldRules, members);
  }

  /**
   * Decides whether an actor may act on a record: allowed when a grant of one of the actor's
   * roles (or a role below them) of at least that permission covers the record by its scope, or a
   * share of at least that permission gives the record to the actor; denied otherwise.
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public AccessDecision decide(Actor actor, Permission permission, RecordFacts record) {
    requireNonNull(actor, "actor");
    requireNonNull(permission, "permission");
    requireNonNull(record, "record");
    Set<String> roles = rolesOf(actor);
    Grant[] applicable = grantsFor(record.type());
    String what = permission.name().toLowerCase(java.util.Locale.ROOT) + " " + record.type() + " "
        + record.id();
    for (Scope scope : SCOPES_IN_ORDER) {
      if (scope == Scope.ALL) {
        Share share = shareFor(actor, roles, permission, record);
        if (share != null) {
          return AccessDecision.allow("access.share", "The record is shared with "
              + share.with().name().toLowerCase(java.util.Locale.ROOT) + " " + share.to()
              + " to " + share.permission().name().toLowerCase(java.util.Locale.ROOT));
        }
      }
      for (Grant grant : applicable) {
        if (grant.scope() == scope && covers(grant.permission(), permission)
            && roles.contains(grant.role()) && inScope(scope, actor, record)) {
          return AccessDecision.allow(CODES[scope.ordinal()], "Role " + grant.role() + " may "
              + what + WHY[scope.ordinal()] + (scope == Scope.TEAM ? record.team().get() : ""));
        }
      }
    }
    return AccessDecision.deny("No grant or share lets " + actor.id() + " " + what);
  }

  /**
   * Tells whether an actor may act on a record, exactly as {@link #decide} would, without
   * building the explanation.
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public boolean allows(Actor actor, Permission permission, RecordFacts record) {
    requireNonNull(actor, "actor");
    requireNonNull(permission, "permission");
    requireNonNull(record, "record");
    Set<String> roles = rolesOf(actor);
    for (Grant grant : grantsFor(record.type())) {
      if (covers(grant.permission(), permission) && roles.contains(grant.role())
          && inScope(grant.scope(), actor, record)) {
        return true;
      }
    }
    return shareFor(actor, roles, permission, record) != null;
  }

  /**
   * Prepares the test of one actor, permission and type: the actor's roles, the grants that
   * apply and the shares of the type are looked up once, so a record costs only the comparisons
   * of its owner and team (none when a grant covers every record). Answers exactly
   * {@link #allows}.
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public java.util.function.Predicate<RecordFacts> prepare(Actor actor, Permission permission,
      String type) {
    requireNonNull(actor, "actor");
    requireNonNull(permission, "permission");
    requireNonNull(type, "type");
    Set<String> roles = rolesOf(actor);
    boolean employee = actor.kind() == Actor.Kind.EMPLOYEE;
    boolean[] scopes = new boolean[Scope.values().length];
    for (Grant grant : grantsFor(type)) {
      if (covers(grant.permission(), permission) && roles.contains(grant.role())) {
        scopes[grant.scope().ordinal()] = true;
      }
    }
    java.util.function.Predicate<RecordFacts> other = record -> allows(actor, permission, record);
    if (scopes[Scope.ALL.ordinal()]) {
      return record -> record.type().equals(type) || other.test(record);
    }
    boolean own = employee && scopes[Scope.OWN.ordinal()] && actor.employee().isDefined();
    boolean team = employee && scopes[Scope.TEAM.ordinal()] && !actor.teams().isEmpty();
    boolean managed = employee && scopes[Scope.MANAGED.ordinal()] && !actor.manages().isEmpty();
    boolean shared = sharesByRecord.containsKey(type);
    io.rapport.crm.kernel.EmployeeId self = actor.employee().getOrNull();
    // the teams whose records the actor reaches through TEAM or MANAGED, compared in one pass
    TeamId[] reachedTeams = (team ? actor.teams() : HashSet.<TeamId>empty())
        .addAll(managed ? actor.manages() : HashSet.empty()).toJavaArray(TeamId[]::new);
    java.util.Set<TeamId> manyTeams = reachedTeams.length > FEW_TEAMS
        ? new java.util.HashSet<>(java.util.Arrays.asList(reachedTeams)) : null;
    return record -> {
      if (!record.type().equals(type)) {
        return other.test(record);
      }
      // the record's team first: it settles TEAM and most of MANAGED in one read of the record
      TeamId owningTeam = record.team().getOrNull();
      if (owningTeam != null && (manyTeams == null ? oneOf(owningTeam, reachedTeams)
          : manyTeams.contains(owningTeam))) {
        return true;
      }
      return own && record.owner().isDefined() && self.equals(record.owner().get())
          || managed && managesMemberOf(actor, record)
          || shared && shareFor(actor, roles, permission, record) != null;
    };
  }

  /** Up to this many teams are compared one by one; more are looked up in a hash set. */
  private static final int FEW_TEAMS = 8;

  private static boolean oneOf(TeamId team, TeamId[] teams) {
    for (TeamId each : teams) {
      if (each.equals(team)) {
        return true;
      }
    }
    return false;
  }

  /** The scopes in the order their rules are named, a share coming just before {@code ALL}. */
  private static final Scope[] SCOPES_IN_ORDER = {Scope.OWN, Scope.TEAM, Scope.MANAGED,
      Scope.ALL};
  private static final String[] CODES = {"access.owner", "access.team", "access.manager",
      "access.role"};
  private static final String[] WHY = {" as its owner", " of team ", " as manager of its team",
      ""};

  private Grant[] grantsFor(String type) {
    Grant[] found = grantsByType.get(type);
    return found == null ? anyTypeGrants : found;
  }

  private boolean inScope(Scope scope, Actor actor, RecordFacts record) {
    if (scope == Scope.ALL) {
      return true;
    }
    if (actor.kind() != Actor.Kind.EMPLOYEE) {
      return false;
    }
    if (scope == Scope.OWN) {
      return record.owner().isDefined() && record.owner().equals(actor.employee());
    }
    if (scope == Scope.TEAM) {
      return record.team().isDefined() && actor.teams().contains(record.team().get());
    }
    return managesRecord(actor, record);
  }

  private Share shareFor(Actor actor, Set<String> roles, Permission permission,
      RecordFacts record) {
    java.util.Map<String, Share[]> ofType = sharesByRecord.get(record.type());
    Share[] candidates = ofType == null ? null : ofType.get(record.id());
    if (candidates != null) {
      for (Share share : candidates) {
        if (covers(share.permission(), permission) && sharedWith(share, actor, roles)) {
          return share;
        }
      }
    }
    return null;
  }

  /**
   * Says how an actor sees a field: visible without a rule for it, or when the actor holds (or
   * inherits) one of the rule's roles; masked otherwise.
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public FieldAccess field(Actor actor, String type, String field) {
    requireNonNull(actor, "actor");
    requireNonNull(type, "type");
    requireNonNull(field, "field");
    Seq<FieldRule> rules = fieldRules.filter(r -> typeMatches(r.type(), type)
        && r.field().equals(field));
    if (rules.isEmpty()) {
      return FieldAccess.VISIBLE;
    }
    Set<String> roles = rolesOf(actor);
    return rules.forAll(r -> r.roles().exists(roles::contains)) ? FieldAccess.VISIBLE
        : FieldAccess.MASKED;
  }

  private Set<String> rolesOf(Actor actor) {
    if (actor.roles().size() == 1) {
      return closureOf(actor.roles().head());
    }
    Set<String> all = HashSet.empty();
    for (String role : actor.roles()) {
      all = all.addAll(closureOf(role));
    }
    return all;
  }

  private Set<String> closureOf(String role) {
    Set<String> closure = closures.get(role);
    return closure == null ? HashSet.of(role) : closure;
  }

  private boolean managesRecord(Actor actor, RecordFacts record) {
    return record.team().exists(actor.manages()::contains) || managesMemberOf(actor, record);
  }

  /** Tells whether the record's owner is a member of a team the actor manages. */
  private boolean managesMemberOf(Actor actor, RecordFacts record) {
    if (members.isEmpty()) {
      return false;
    }
    return record.owner().exists(owner -> actor.manages().exists(team ->
        members.get(team).exists(m -> m.contains(owner))));
  }

  private static boolean sharedWith(Share share, Actor actor, Set<String> roles) {
    if (share.with() == ShareWith.EMPLOYEE) {
      return actor.employee().exists(e -> e.value().equals(share.to()));
    }
    if (share.with() == ShareWith.TEAM) {
      return actor.teams().exists(t -> t.value().equals(share.to()));
    }
    return roles.contains(share.to());
  }

  private static boolean covers(Permission granted, Permission wanted) {
    return granted.compareTo(wanted) >= 0;
  }

  private static boolean typeMatches(String ruleType, String type) {
    return ruleType.equals(ANY_TYPE) || ruleType.equals(type);
  }

  /** Returns a description of the rules' sizes. */
  @Override
  public String toString() {
    return "ConfigurablePolicy[" + grants.size() + " grants, " + shares.size() + " shares, "
        + fieldRules.size() + " field rules]";
  }

  // ---- checks ----

  private static void orThrow(Seq<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  static boolean isCode(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean letter = c >= 'a' && c <= 'z';
      boolean other = (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
      if (!(letter || (i > 0 && other))) {
        return false;
      }
    }
    return true;
  }

  private static Seq<Violation> codeProblems(String code, String violation, String field) {
    return isCode(code) ? List.empty() : List.of(Violation.of(violation, field,
        "Expected a lower-case code such as 'agent' or 'phone' (a letter, then up to 63 letters, "
            + "digits or . _ -), but got " + quote(code)));
  }

  private static Seq<Violation> typeProblems(String type, String field) {
    return ANY_TYPE.equals(type) ? List.empty()
        : codeProblems(type, "access.type.malformed", field);
  }

  private static Seq<Violation> shareProblems(String type, String id, ShareWith with, String to) {
    Seq<Violation> problems = typeProblems(type, "type");
    if (ANY_TYPE.equals(type)) {
      problems = problems.append(Violation.of("access.type.malformed", "type",
          "A share names one record, so its type cannot be '*'"));
    }
    if (id == null || id.isBlank()) {
      problems = problems.append(Violation.of("access.share.id.blank", "id",
          "A share names the id of the record it shares"));
    }
    if (with == null) {
      problems = problems.append(Violation.of("access.share.with.missing", "with",
          "A share names who it is for: an employee, a team or a role"));
    } else if (with == ShareWith.ROLE) {
      problems = problems.appendAll(codeProblems(to, "access.share.to.malformed", "to"));
    } else {
      problems = problems.appendAll((with == ShareWith.EMPLOYEE
          ? EmployeeId.KIND.validated(to) : TeamId.KIND.validated(to)).fold(
              errors -> List.of(Violation.of("access.share.to.malformed", "to",
                  "Expected a valid " + with.name().toLowerCase(java.util.Locale.ROOT)
                      + " id, but got " + quote(to))),
              ok -> List.empty()));
    }
    return problems;
  }

  private static Seq<Violation> fieldRuleProblems(String type, String field, Set<String> roles) {
    Seq<Violation> problems = typeProblems(type, "type")
        .appendAll(codeProblems(field, "access.field.malformed", "field"));
    for (String role : roles) {
      problems = problems.appendAll(codeProblems(role, "access.role.malformed", "roles"));
    }
    return problems;
  }

  static String quote(Object value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  /**
   * Collects a policy's rules as outside input and checks them all at once. Not thread-safe:
   * one builder per policy.
   */
  public static final class Builder {

    private List<Object[]> grants = List.empty();
    private List<String[]> above = List.empty();
    private List<Object[]> shares = List.empty();
    private List<Object[]> fields = List.empty();
    private List<Object[]> members = List.empty();

    private Builder() {}

    /**
     * Adds a grant (checked by {@link #build()}).
     *
     * @param role the role code
     * @param type the aggregate type name, or {@code *}
     * @param permission the highest permission granted
     * @param scope which records
     * @return this builder
     */
    public Builder grant(String role, String type, Permission permission, Scope scope) {
      grants = grants.append(new Object[] {role, type, permission, scope});
      return this;
    }

    /**
     * Places a role above others: it inherits every grant and field right of the roles below.
     *
     * @param role the higher role
     * @param below the roles it is above
     * @return this builder
     */
    public Builder above(String role, String... below) {
      for (String lower : below == null ? new String[] {null} : below) {
        above = above.append(new String[] {role, lower});
      }
      return this;
    }

    /**
     * Shares one record (checked by {@link #build()}).
     *
     * @param type the record's aggregate type name
     * @param id the record's id value
     * @param with who it is shared with
     * @param to the employee id, team id or role code
     * @param permission the highest permission shared
     * @return this builder
     */
    public Builder share(String type, String id, ShareWith with, String to,
        Permission permission) {
      shares = shares.append(new Object[] {type, id, with, to, permission});
      return this;
    }

    /**
     * Adds a field rule: only the given roles (and roles above them) see the field.
     *
     * @param type the aggregate type name, or {@code *}
     * @param field the field name
     * @param roles the roles that see it
     * @return this builder
     */
    public Builder field(String type, String field, String... roles) {
      fields = fields.append(new Object[] {type, field, roles});
      return this;
    }

    /**
     * Records the members of a team, so {@link Scope#MANAGED} also covers records owned by
     * members of a managed team (without it, only records of the managed team itself).
     *
     * @param team the team
     * @param employees its members
     * @return this builder
     */
    public Builder members(TeamId team, Iterable<EmployeeId> employees) {
      members = members.append(new Object[] {team, employees});
      return this;
    }

    /**
     * Checks every rule and returns the policy, or every problem at once: {@code
     * access.role.malformed}, {@code access.type.malformed}, {@code access.permission.missing},
     * {@code access.scope.missing}, {@code access.role.cycle} (a role above itself, directly or
     * through others), {@code access.share.id.blank}, {@code access.share.with.missing},
     * {@code access.share.to.malformed}, {@code access.field.malformed},
     * {@code access.field.duplicate} (two rules for one type and field), {@code
     * access.members.team.missing}; each under its field, such as {@code grants[2].role}.
     *
     * @return the policy, or every violation
     */
    public Validation<Seq<Violation>, ConfigurablePolicy> build() {
      List<Violation> problems = List.empty();
      List<Grant> checkedGrants = List.empty();
      int index = 0;
      for (Object[] g : grants) {
        String at = "grants[" + index++ + "]";
        Seq<Violation> own = codeProblems((String) g[0], "access.role.malformed", "role")
            .appendAll(typeProblems((String) g[1], "type"));
        if (g[2] == null) {
          own = own.append(Violation.of("access.permission.missing", "permission",
              "A grant names a permission: READ, WRITE or DELETE"));
        }
        if (g[3] == null) {
          own = own.append(Violation.of("access.scope.missing", "scope",
              "A grant names a scope: OWN, TEAM, MANAGED or ALL"));
        }
        if (own.isEmpty()) {
          checkedGrants = checkedGrants.append(new Grant((String) g[0], (String) g[1],
              (Permission) g[2], (Scope) g[3]));
        }
        problems = problems.appendAll(own.map(v -> v.under(at)));
      }
      Map<String, Set<String>> hierarchy = HashMap.empty();
      index = 0;
      for (String[] link : above) {
        String at = "hierarchy[" + index++ + "]";
        Seq<Violation> own = codeProblems(link[0], "access.role.malformed", "role")
            .appendAll(codeProblems(link[1], "access.role.malformed", "below"));
        if (own.isEmpty()) {
          hierarchy = hierarchy.put(link[0], hierarchy.get(link[0]).getOrElse(HashSet.empty())
              .add(link[1]));
        }
        problems = problems.appendAll(own.map(v -> v.under(at)));
      }
      ConfigurablePolicy roles = new ConfigurablePolicy(List.empty(), hierarchy, List.empty(),
          List.empty(), HashMap.empty());
      for (String role : hierarchy.keySet().toSortedSet()) {
        boolean cycle = hierarchy.get(role).get().exists(b -> roles.inherited(b).contains(role));
        if (cycle) {
          problems = problems.append(Violation.of("access.role.cycle", "hierarchy",
              "Role '" + role + "' is above itself through the roles below it"));
        }
      }
      List<Share> checkedShares = List.empty();
      index = 0;
      for (Object[] s : shares) {
        String at = "shares[" + index++ + "]";
        Seq<Violation> own = shareProblems((String) s[0], (String) s[1], (ShareWith) s[2],
            (String) s[3]);
        if (s[4] == null) {
          own = own.append(Violation.of("access.permission.missing", "permission",
              "A share names a permission: READ, WRITE or DELETE"));
        }
        if (own.isEmpty()) {
          checkedShares = checkedShares.append(new Share((String) s[0], (String) s[1],
              (ShareWith) s[2], (String) s[3], (Permission) s[4]));
        }
        problems = problems.appendAll(own.map(v -> v.under(at)));
      }
      List<FieldRule> checkedFields = List.empty();
      java.util.Set<String> seen = new java.util.HashSet<>();
      index = 0;
      for (Object[] f : fields) {
        String at = "fields[" + index++ + "]";
        String[] given = (String[]) f[2];
        Set<String> fieldRoles = given == null ? HashSet.empty() : HashSet.of(given);
        Seq<Violation> own = fieldRuleProblems((String) f[0], (String) f[1],
            fieldRoles.map(r -> r == null ? "" : r));
        if (own.isEmpty() && !seen.add(f[0] + "|" + f[1])) {
          own = own.append(Violation.of("access.field.duplicate", "field",
              "Field '" + f[1] + "' of '" + f[0] + "' already has a rule"));
        }
        if (own.isEmpty()) {
          checkedFields = checkedFields.append(new FieldRule((String) f[0], (String) f[1],
              fieldRoles));
        }
        problems = problems.appendAll(own.map(v -> v.under(at)));
      }
      Map<TeamId, Set<EmployeeId>> teamMembers = HashMap.empty();
      index = 0;
      for (Object[] m : members) {
        String at = "members[" + index++ + "]";
        if (m[0] == null || m[1] == null) {
          problems = problems.append(Violation.of("access.members.team.missing", at + ".team",
              "Team members name a team and its employees"));
          continue;
        }
        TeamId team = (TeamId) m[0];
        @SuppressWarnings("unchecked")
        Iterable<EmployeeId> employees = (Iterable<EmployeeId>) m[1];
        Set<EmployeeId> all = HashSet.ofAll(employees).filter(java.util.Objects::nonNull);
        teamMembers = teamMembers.put(team, teamMembers.get(team).getOrElse(HashSet.empty())
            .addAll(all));
      }
      return problems.isEmpty()
          ? Validation.valid(new ConfigurablePolicy(checkedGrants, hierarchy, checkedShares,
              checkedFields, teamMembers))
          : Validation.invalid(problems);
    }

    /**
     * Checks every rule and returns the policy.
     *
     * @return the policy
     * @throws InvalidValueException with every problem {@link #build()} reports
     */
    public ConfigurablePolicy buildOrThrow() {
      return InvalidValueException.valueOrThrow(build());
    }
  }
}
