package io.rapport.crm.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmStoresTest {

  @Test
  void findsTheInMemoryStoreByName() {
    try (CrmStore store = CrmStores.open("memory", Map.of())) {
      assertThat(store).isInstanceOf(InMemoryCrmStore.class);
    }
    try (CrmStore store = CrmStores.open("memory", Map.of("maxUpdateAttempts", "3"))) {
      assertThat(store).isInstanceOf(InMemoryCrmStore.class);
    }
  }

  @Test
  void namesTheProvidersItFoundWhenTheNameIsUnknown() {
    assertThatThrownBy(() -> CrmStores.open("cassandra", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[memory]");
  }

  @Test
  void refusesABadSetting() {
    assertThatThrownBy(() -> CrmStores.open("memory", Map.of("maxUpdateAttempts", "many")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> CrmStores.open("memory", Map.of("maxUpdateAttempts", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionsCountFromNew() {
    assertThat(Version.NEW.next()).isEqualTo(Version.of(1));
    assertThat(Version.of(0)).isSameAs(Version.NEW);
    assertThatThrownBy(() -> Version.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AggregateType.of("Bad Name", io.rapport.crm.kernel.Aggregate.class,
        io.rapport.crm.kernel.TicketId.KIND)).isInstanceOf(IllegalArgumentException.class);
  }
}
