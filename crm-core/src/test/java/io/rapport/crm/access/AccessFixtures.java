package io.rapport.crm.access;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.access.ConfigurablePolicy.Grant;
import io.rapport.crm.access.ConfigurablePolicy.Scope;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import org.quicktheories.core.Gen;

/** Small pools of roles, types, employees, teams and records, and generators over them. */
final class AccessFixtures {

  static final List<String> ROLES = List.of("agent", "manager", "admin", "finance", "support");
  static final List<String> TYPES = List.of("customer", "ticket", "lead");
  static final List<EmployeeId> EMPLOYEES = List.range(1, 5).map(i -> EmployeeId.parse("E-" + i));
  static final List<TeamId> TEAMS = List.range(1, 4).map(i -> TeamId.parse("T-" + i));
  static final List<String> IDS = List.of("R-1", "R-2", "R-3");

  private AccessFixtures() {}

  static <T> Set<T> subset(List<T> pool, int bits) {
    return HashSet.ofAll(pool.zipWithIndex().filter(t -> ((bits >> t._2) & 1) == 1).map(t -> t._1));
  }

  /** Decodes an actor: mostly employees, sometimes systems, with teams, managed teams, roles. */
  static Actor actor(int n) {
    Set<String> roles = subset(ROLES, n >> 4);
    if (n % 7 == 0) {
      return Actor.system("sync-" + (n & 3), roles);
    }
    return Actor.employee(EMPLOYEES.get(n & 3), subset(TEAMS, n >> 9), roles)
        .managing(subset(TEAMS, n >> 12));
  }

  /** Decodes a record's facts, with or without owner and team. */
  static RecordFacts record(int n) {
    Option<EmployeeId> owner = (n & 4) == 0 ? Option.some(EMPLOYEES.get(n & 3)) : Option.none();
    Option<TeamId> team = (n >> 3) % 4 == 3 ? Option.none() : Option.some(TEAMS.get((n >> 3) % 4));
    return new RecordFacts(TYPES.get((n >> 5) % 3), IDS.get((n >> 7) % 3), owner, team);
  }

  static Permission permission(int n) {
    return Permission.values()[Math.floorMod(n, 3)];
  }

  static Grant grant(int n) {
    String type = n % 5 == 0 ? ConfigurablePolicy.ANY_TYPE : TYPES.get((n >> 3) % 3);
    return new Grant(ROLES.get((n >> 5) % 5), type, permission(n >> 8),
        Scope.values()[(n >> 10) % 4]);
  }

  static Gen<Actor> actors() {
    return integers().between(0, 1 << 16).map(AccessFixtures::actor);
  }

  static Gen<RecordFacts> records() {
    return integers().between(0, 1 << 10).map(AccessFixtures::record);
  }

  static Gen<Permission> permissions() {
    return integers().between(0, 2).map(AccessFixtures::permission);
  }

  static Gen<Grant> grants() {
    return integers().between(0, 1 << 13).map(AccessFixtures::grant);
  }

  /** Policies of random grants over an acyclic hierarchy (each role above the next ones). */
  static Gen<ConfigurablePolicy> policies() {
    return lists().of(integers().between(0, 1 << 13)).ofSizeBetween(0, 8).map(codes -> {
      ConfigurablePolicy.Builder builder = ConfigurablePolicy.builder();
      for (int code : codes) {
        Grant g = grant(code);
        builder.grant(g.role(), g.type(), g.permission(), g.scope());
        if (code % 3 == 0) {
          int high = (code >> 2) % 4;
          builder.above(ROLES.get(high), ROLES.get(high + 1 + (code >> 4) % (4 - high)));
        }
        if (code % 5 == 2) {
          builder.members(TEAMS.get((code >> 3) % 3), List.of(EMPLOYEES.get((code >> 5) & 3),
              EMPLOYEES.get((code >> 7) & 3)));
        }
        if (code % 4 == 1) {
          builder.share(TYPES.get(code % 3), IDS.get((code >> 2) % 3),
              ConfigurablePolicy.ShareWith.values()[(code >> 4) % 3],
              List.of("E-1", "T-2", "agent").get((code >> 4) % 3), permission(code >> 6));
        }
      }
      return builder.buildOrThrow();
    });
  }

  /**
   * A customer with every kind of contact value, a tax id, an owner and a team; its two phone
   * numbers share their masked hint.
   */
  static Customer xiaoming() {
    CustomerDraft draft = CustomerDraft.person("王小明")
        .email("XiaoMing@Example.com", true)
        .phone("138 0013 8000", true)
        .phone("138 1111 8000", false)
        .address(java.util.List.of("朝阳区建国路 88 号"), "北京", "北京", "100022", "cn")
        .handle("wechat", "xiaoming_88")
        .taxId("91110000-MA01")
        .tags("vip")
        .owner("E-7").team("beijing-store");
    EventStamp stamp = EventStamp.of(EventId.parse("ev-1"),
        Instant.parse("2026-11-23T01:00:00Z"), ActorId.parse("E-7"));
    return Customer.register(CustomerId.parse("C-1"), draft, CustomerRules.standard("CN"), stamp)
        .get().state();
  }
}
