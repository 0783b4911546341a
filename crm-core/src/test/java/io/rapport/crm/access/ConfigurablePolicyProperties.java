package io.rapport.crm.access;

import static io.rapport.crm.access.AccessFixtures.actors;
import static io.rapport.crm.access.AccessFixtures.grants;
import static io.rapport.crm.access.AccessFixtures.permissions;
import static io.rapport.crm.access.AccessFixtures.policies;
import static io.rapport.crm.access.AccessFixtures.records;
import static io.rapport.crm.access.PropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.access.ConfigurablePolicy.Scope;
import io.rapport.crm.access.ConfigurablePolicy.ShareWith;
import io.rapport.crm.kernel.EmployeeId;
import io.vavr.Tuple;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** Laws of the configurable policy, for random actors, records and policies. */
class ConfigurablePolicyProperties {

  @Test
  void anEmptyPolicyDeniesEverythingAndMasksNothing() {
    ConfigurablePolicy empty = ConfigurablePolicy.empty();
    qt().forAll(actors(), permissions(), records()).checkAssert((actor, permission, record) -> {
      AccessDecision decision = empty.decide(actor, permission, record);
      assertThat(decision.allowed()).isFalse();
      assertThat(decision.code()).isEqualTo("access.denied");
      assertThat(empty.field(actor, record.type(), "phone")).isEqualTo(FieldAccess.VISIBLE);
    });
  }

  @Test
  void aDeniedDecisionAlwaysSaysAccessDeniedAndAnAllowedOneNamesItsRule() {
    qt().forAll(policies(), actors(), permissions(), records())
        .checkAssert((policy, actor, permission, record) -> {
          AccessDecision decision = policy.decide(actor, permission, record);
          assertThat(decision.code()).isEqualTo(decision.allowed() ? decision.code()
              : "access.denied");
          assertThat(decision.code()).isIn("access.owner", "access.team", "access.manager",
              "access.share", "access.role", "access.denied");
          assertThat(decision.reason()).isNotBlank();
        });
  }

  @Test
  void allowsAnswersExactlyWhatDecideDecides() {
    qt().forAll(policies(), actors(), records()).checkAssert((policy, actor, record) -> {
      for (Permission permission : Permission.values()) {
        assertThat(policy.allows(actor, permission, record)).as("%s", permission)
            .isEqualTo(policy.decide(actor, permission, record).allowed());
      }
    });
  }

  @Test
  void aPreparedTestAnswersExactlyWhatDecideDecides() {
    qt().forAll(policies(), actors(), records(), records()).checkAssert((policy, actor, record,
        other) -> {
      for (Permission permission : Permission.values()) {
        java.util.function.Predicate<RecordFacts> prepared =
            policy.prepare(actor, permission, record.type());
        assertThat(prepared.test(record)).as("%s", permission)
            .isEqualTo(policy.decide(actor, permission, record).allowed());
        assertThat(prepared.test(other)).as("%s of another record", permission)
            .isEqualTo(policy.decide(actor, permission, other).allowed());
      }
    });
  }

  @Test
  void addingAGrantNeverTakesAccessAway() {
    qt().forAll(policies(), grants(), actors(), records()).checkAssert((policy, grant, actor,
        record) -> {
      ConfigurablePolicy wider = policy.withGrant(grant);
      for (Permission permission : Permission.values()) {
        if (policy.decide(actor, permission, record).allowed()) {
          assertThat(wider.decide(actor, permission, record).allowed())
              .as("%s after %s", permission, grant).isTrue();
        }
      }
    });
  }

  @Test
  void aHigherPermissionImpliesTheLowerOnes() {
    qt().forAll(policies(), actors(), records()).checkAssert((policy, actor, record) -> {
      boolean delete = policy.decide(actor, Permission.DELETE, record).allowed();
      boolean write = policy.decide(actor, Permission.WRITE, record).allowed();
      boolean read = policy.decide(actor, Permission.READ, record).allowed();
      assertThat(!delete || write).isTrue();
      assertThat(!write || read).isTrue();
    });
  }

  @Test
  void aRoleInheritsTheGrantsOfEveryRoleBelowItTransitively() {
    qt().forAll(grants().zip(integers().between(1, 4), Tuple::of), actors(), permissions(),
        records()).checkAssert((deep, actor, permission, record) -> {
          ConfigurablePolicy.Grant grant = deep._1;
          int depth = deep._2;
          List<String> chain = List.range(0, depth + 1).map(i -> "level-" + i);
          ConfigurablePolicy.Builder builder = ConfigurablePolicy.builder()
              .grant(chain.last(), grant.type(), grant.permission(), grant.scope());
          for (int i = 0; i < depth; i++) {
            builder.above(chain.get(i), chain.get(i + 1));
          }
          ConfigurablePolicy policy = builder.buildOrThrow();
          Actor bottom = new Actor(actor.id(), actor.kind(), actor.employee(), actor.teams(),
              actor.manages(), HashSet.of(chain.last()));
          Actor top = new Actor(actor.id(), actor.kind(), actor.employee(), actor.teams(),
              actor.manages(), HashSet.of(chain.head()));
          assertThat(policy.decide(top, permission, record).allowed())
              .isEqualTo(policy.decide(bottom, permission, record).allowed());
          assertThat(policy.inherited(chain.head())).containsExactlyInAnyOrderElementsOf(chain);
          assertThat(policy.inherited(chain.last())).containsExactly(chain.last());
        });
  }

  @Test
  void aShareAllowsExactlyItsRecordUpToItsPermission() {
    qt().forAll(records(), permissions(), records(), permissions())
        .checkAssert((shared, level, record, permission) -> {
          EmployeeId employee = EmployeeId.parse("E-9");
          ConfigurablePolicy policy = ConfigurablePolicy.builder()
              .share(shared.type(), shared.id(), ShareWith.EMPLOYEE, employee.value(), level)
              .buildOrThrow();
          Actor actor = Actor.employee(employee, HashSet.empty(), HashSet.of("agent"));
          AccessDecision decision = policy.decide(actor, permission, record);
          boolean expected = record.type().equals(shared.type())
              && record.id().equals(shared.id()) && permission.compareTo(level) <= 0;
          assertThat(decision.allowed()).isEqualTo(expected);
          if (expected) {
            assertThat(decision.code()).isEqualTo("access.share");
          }
          Actor someoneElse = Actor.employee(EmployeeId.parse("E-8"), HashSet.empty(),
              HashSet.of("agent"));
          assertThat(policy.decide(someoneElse, permission, record).allowed()).isFalse();
        });
  }

  @Test
  void aSystemActorGetsOnlyWhatAnAllGrantOrAShareGivesItsRoles() {
    qt().forAll(policies(), permissions(), records()).checkAssert((policy, permission, record) -> {
      Actor system = Actor.system("erp-sync", HashSet.of("agent", "finance"));
      AccessDecision decision = policy.decide(system, permission, record);
      assertThat(decision.code()).isIn("access.role", "access.share", "access.denied");
      ConfigurablePolicy onlyScoped = ConfigurablePolicy.empty();
      for (ConfigurablePolicy.Grant g : policy.grants()) {
        if (g.scope() != Scope.ALL) {
          onlyScoped = onlyScoped.withGrant(g);
        }
      }
      assertThat(onlyScoped.decide(system, permission, record).allowed()).isFalse();
    });
  }
}
