package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStores;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.work.TeamRepository;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.testkit.generators.WorkGenerators;
import io.rapport.crm.work.Team;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter is found by {@code CrmStores.open("jdbc", settings)}: it opens a working store on a
 * URL of either database, names the setting at fault when the settings are wrong, and keeps an
 * in-memory H2 database exactly as long as its store is open.
 */
class JdbcDiscoveryTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStoreOpenedByUrlSavesFindsAndCloses(TestDatabase database) {
    String url = database == TestDatabase.H2
        ? "jdbc:h2:mem:" + TestDatabase.uniqueName("discovered")
        : database.newDatabaseUrl(TestDatabase.uniqueName("rapport_discovered"));
    Team team = someTeams().get(0);
    try (CrmStore store = CrmStores.open("jdbc", Map.of("url", url, "consumer", "discovery"))) {
      assertThat(store).isInstanceOf(JdbcCrmStore.class);
      assertThat(((JdbcCrmStore) store).databaseName())
          .isEqualTo(database == TestDatabase.H2 ? "H2" : "PostgreSQL");
      TeamRepository teams = TeamRepository.in(store);
      assertThat(teams.save(team, Version.NEW).get()).isEqualTo(Version.of(1));
      assertThat(teams.find(team.id()).map(Versioned::value)).containsExactly(team);
    }
  }

  @Test
  void anInMemoryH2StoreKeepsItsDataUntilClosed() {
    String url = "jdbc:h2:mem:" + TestDatabase.uniqueName("until_closed");
    java.util.List<Team> teams = someTeams();
    try (CrmStore store = CrmStores.open("jdbc", Map.of("url", url))) {
      TeamRepository repository = TeamRepository.in(store);
      for (Team team : teams) {
        assertThat(repository.save(team, Version.NEW).isRight()).isTrue();
      }
      // every call borrows and closes a connection of its own: the data outlives them
      for (Team team : teams) {
        assertThat(repository.find(team.id()).map(Versioned::value)).containsExactly(team);
      }
    }
    try (CrmStore reopened = CrmStores.open("jdbc", Map.of("url", url))) {
      assertThat(TeamRepository.in(reopened).find(teams.get(0).id()).isEmpty())
          .as("the in-memory database went away with the store").isTrue();
    }
  }

  @Test
  void wrongSettingsAreRefusedNamingTheProblem() {
    String url = "jdbc:h2:mem:" + TestDatabase.uniqueName("refused");
    assertThatThrownBy(() -> CrmStores.open("jdbc", Map.of("url", url, "colour", "red")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown jdbc store settings [colour]");
    assertThatThrownBy(() -> CrmStores.open("jdbc", Map.of("user", "sa")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a 'url'");
    assertThatThrownBy(() -> CrmStores.open("jdbc", Map.of("url", "h2:mem:x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a 'url'").hasMessageContaining("h2:mem:x");
    assertThatThrownBy(() -> CrmStores.open("jdbc", Map.of("url", url, "migrate", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("migrate must be true or false: maybe");
    assertThatThrownBy(() -> CrmStores.open("jdbc", Map.of("url", url, "maxUpdateAttempts", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxUpdateAttempts must be a whole number: x");
  }

  private static java.util.List<Team> someTeams() {
    java.util.Map<String, Team> teams = new java.util.LinkedHashMap<>();
    Theories.qt().withExamples(5).forAll(WorkGenerators.teams())
        .checkAssert(team -> teams.put(team.id().value(), team));
    assertThat(teams).isNotEmpty();
    return new ArrayList<>(teams.values());
  }
}
