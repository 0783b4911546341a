package io.rapport.crm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.access.ConfigurablePolicy.Scope;
import io.rapport.crm.access.ConfigurablePolicy.ShareWith;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** Examples of the configurable policy and its ready-made standard for a sales and service org. */
class ConfigurablePolicyTest {

  private static final ConfigurablePolicy STANDARD = ConfigurablePolicy.standard();
  private static final EmployeeId LI = EmployeeId.parse("E-li");
  private static final EmployeeId WANG = EmployeeId.parse("E-wang");
  private static final TeamId BEIJING = TeamId.parse("beijing-store");
  private static final TeamId SHANGHAI = TeamId.parse("shanghai-store");

  private static Actor agentLi() {
    return Actor.employee(LI, HashSet.of(BEIJING), HashSet.of("agent"));
  }

  private static RecordFacts customer(Option<EmployeeId> owner, Option<TeamId> team) {
    return new RecordFacts("customer", "C-1", owner, team);
  }

  @Test
  void anAgentReadsAndChangesTheirOwnCustomersButMayNotEraseThem() {
    RecordFacts own = customer(Option.some(LI), Option.none());
    AccessDecision read = STANDARD.decide(agentLi(), Permission.READ, own);
    assertThat(read.allowed()).isTrue();
    assertThat(read.code()).isEqualTo("access.owner");
    assertThat(read.reason()).contains("agent", "owner");
    assertThat(STANDARD.decide(agentLi(), Permission.WRITE, own).allowed()).isTrue();
    assertThat(STANDARD.decide(agentLi(), Permission.DELETE, own))
        .isEqualTo(AccessDecision.deny("No grant or share lets E-li delete customer C-1"));
  }

  @Test
  void anAgentSeesTheirTeamsCustomersButNotAnotherTeams() {
    assertThat(STANDARD.decide(agentLi(), Permission.READ,
        customer(Option.some(WANG), Option.some(BEIJING))).code()).isEqualTo("access.team");
    AccessDecision other = STANDARD.decide(agentLi(), Permission.READ,
        customer(Option.some(WANG), Option.some(SHANGHAI)));
    assertThat(other.allowed()).isFalse();
    assertThat(other.code()).isEqualTo("access.denied");
  }

  @Test
  void aManagerSeesTheRecordsOfTheTeamsTheyManageAndAnAdminSeesEverything() {
    Actor manager = Actor.employee(WANG, HashSet.empty(), HashSet.of("manager"))
        .managing(HashSet.of(SHANGHAI));
    RecordFacts shanghai = customer(Option.some(LI), Option.some(SHANGHAI));
    assertThat(STANDARD.decide(manager, Permission.DELETE, shanghai).code())
        .isEqualTo("access.manager");
    assertThat(STANDARD.decide(manager, Permission.READ,
        customer(Option.some(LI), Option.some(BEIJING))).allowed()).isFalse();
    Actor admin = Actor.employee(EmployeeId.parse("E-zhao"), HashSet.empty(), HashSet.of("admin"));
    assertThat(STANDARD.decide(admin, Permission.DELETE,
        new RecordFacts("sla_policy", "standard", Option.none(), Option.none())).code())
        .isEqualTo("access.role");
  }

  @Test
  void aManagerSeesTheRecordsOwnedByMembersOfTheirTeamWhenThePolicyKnowsTheMembers() {
    ConfigurablePolicy policy = ConfigurablePolicy.builder()
        .grant("manager", "ticket", Permission.WRITE, Scope.MANAGED)
        .members(SHANGHAI, List.of(LI))
        .buildOrThrow();
    Actor manager = Actor.employee(WANG, HashSet.empty(), HashSet.of("manager"))
        .managing(HashSet.of(SHANGHAI));
    RecordFacts ticketOfLi = new RecordFacts("ticket", "T-1", Option.some(LI), Option.none());
    assertThat(policy.decide(manager, Permission.WRITE, ticketOfLi).code())
        .isEqualTo("access.manager");
    RecordFacts ticketOfZhao = new RecordFacts("ticket", "T-2",
        Option.some(EmployeeId.parse("E-zhao")), Option.none());
    assertThat(policy.decide(manager, Permission.READ, ticketOfZhao).allowed()).isFalse();
  }

  @Test
  void aSystemActorGetsOnlyWhatItsRolesGrantOnEveryRecord() {
    Actor sync = Actor.system("erp-sync", HashSet.of("agent"));
    assertThat(STANDARD.decide(sync, Permission.READ, customer(Option.none(), Option.none()))
        .allowed()).isFalse();
    assertThat(STANDARD.decide(sync, Permission.READ,
        new RecordFacts("purchase", "P-1", Option.none(), Option.none())).code())
        .isEqualTo("access.role");
  }

  @Test
  void onlyFinanceSeesPriceBookMarginsAndAgentsSeeCustomersContactsMasked() {
    Actor finance = Actor.employee(WANG, HashSet.empty(), HashSet.of("finance"));
    Actor admin = Actor.employee(WANG, HashSet.empty(), HashSet.of("admin"));
    assertThat(STANDARD.field(finance, "price_book", "cost")).isEqualTo(FieldAccess.VISIBLE);
    assertThat(STANDARD.field(admin, "price_book", "floor")).isEqualTo(FieldAccess.MASKED);
    assertThat(STANDARD.field(agentLi(), "price_book", "cost")).isEqualTo(FieldAccess.MASKED);
    assertThat(STANDARD.field(agentLi(), "customer", "phone")).isEqualTo(FieldAccess.MASKED);
    assertThat(STANDARD.field(agentLi(), "customer", "email")).isEqualTo(FieldAccess.MASKED);
    assertThat(STANDARD.field(admin, "customer", "phone")).isEqualTo(FieldAccess.VISIBLE);
    assertThat(STANDARD.field(agentLi(), "customer", "tags")).isEqualTo(FieldAccess.VISIBLE);
  }

  @Test
  void aShareToATeamOrARoleReachesTheirMembers() {
    ConfigurablePolicy policy = ConfigurablePolicy.builder()
        .share("opportunity", "O-7", ShareWith.TEAM, "beijing-store", Permission.READ)
        .share("opportunity", "O-8", ShareWith.ROLE, "agent", Permission.WRITE)
        .buildOrThrow();
    RecordFacts o7 = new RecordFacts("opportunity", "O-7", Option.none(), Option.none());
    RecordFacts o8 = new RecordFacts("opportunity", "O-8", Option.none(), Option.none());
    assertThat(policy.decide(agentLi(), Permission.READ, o7).reason())
        .isEqualTo("The record is shared with team beijing-store to read");
    assertThat(policy.decide(agentLi(), Permission.WRITE, o7).allowed()).isFalse();
    assertThat(policy.decide(agentLi(), Permission.WRITE, o8).code()).isEqualTo("access.share");
  }

  @Test
  void buildingReportsEveryProblemAtOnceUnderItsField() {
    var result = ConfigurablePolicy.builder()
        .grant("Agent", "customer", Permission.READ, Scope.OWN)
        .grant("agent", "cust omer", null, null)
        .above("a", "b").above("b", "c").above("c", "a")
        .above("self", "self")
        .share("*", " ", ShareWith.EMPLOYEE, "not an id", Permission.READ)
        .share("lead", "L-1", null, "x", null)
        .field("customer", "phone", "manager")
        .field("customer", "phone", "finance")
        .field("customer", "Phone", "no way")
        .members(null, List.of(LI))
        .build();
    assertThat(result.isInvalid()).isTrue();
    assertThat(result.getError().map(v -> v.code() + "@" + v.field())).containsExactly(
        "access.role.malformed@grants[0].role",
        "access.type.malformed@grants[1].type",
        "access.permission.missing@grants[1].permission",
        "access.scope.missing@grants[1].scope",
        "access.role.cycle@hierarchy",
        "access.role.cycle@hierarchy",
        "access.role.cycle@hierarchy",
        "access.role.cycle@hierarchy",
        "access.type.malformed@shares[0].type",
        "access.share.id.blank@shares[0].id",
        "access.share.to.malformed@shares[0].to",
        "access.share.with.missing@shares[1].with",
        "access.permission.missing@shares[1].permission",
        "access.field.duplicate@fields[1].field",
        "access.field.malformed@fields[2].field",
        "access.role.malformed@fields[2].roles",
        "access.members.team.missing@members[0].team");
    assertThat(result.getError().map(Violation::message))
        .anyMatch(m -> m.contains("'self' is above itself"));
  }

  @Test
  void theValueTypesRejectMalformedInputWithCodes() {
    assertThatThrownBy(() -> new ConfigurablePolicy.Grant("", "*", Permission.READ, Scope.ALL))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("access.role.malformed");
    assertThatThrownBy(() -> new ConfigurablePolicy.FieldRule("price_book", "cost",
        HashSet.of("Finance")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("access.role.malformed");
    assertThatThrownBy(() -> new ConfigurablePolicy.Share("lead", "L-1", ShareWith.TEAM, "",
        Permission.READ))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("access.share.to.malformed");
  }

  @Test
  void aPreparedTestComparesManyTeamsAsItComparesAFew() {
    Set<TeamId> regions = List.range(0, 12).map(n -> TeamId.parse("region-" + n)).toSet();
    Actor regional = Actor.employee(WANG, regions.take(5), HashSet.of("manager"))
        .managing(regions.drop(5));
    Actor local = Actor.employee(WANG, regions.take(1), HashSet.of("manager"))
        .managing(regions.drop(11));
    for (Actor actor : List.of(regional, local)) {
      java.util.function.Predicate<RecordFacts> prepared =
          STANDARD.prepare(actor, Permission.READ, "customer");
      for (TeamId team : regions.add(SHANGHAI)) {
        RecordFacts record = customer(Option.some(LI), Option.some(team));
        assertThat(prepared.test(record)).as("%s reads a record of %s", actor, team)
            .isEqualTo(STANDARD.allows(actor, Permission.READ, record))
            .isEqualTo(actor.teams().contains(team) || actor.manages().contains(team));
      }
    }
  }
}
