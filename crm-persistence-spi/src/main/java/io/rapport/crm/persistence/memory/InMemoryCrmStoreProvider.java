package io.rapport.crm.persistence.memory;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStoreProvider;
import java.util.Map;

/**
 * Provides {@link InMemoryCrmStore}s under the name {@code memory}. One setting:
 * {@code maxUpdateAttempts} (1 to 1000, default {@value InMemoryCrmStore#DEFAULT_MAX_UPDATE_ATTEMPTS}).
 */
public final class InMemoryCrmStoreProvider implements CrmStoreProvider {

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public CrmStore open(Map<String, String> config) {
    String attempts = config.get("maxUpdateAttempts");
    if (attempts == null) {
      return InMemoryCrmStore.create();
    }
    try {
      return InMemoryCrmStore.withMaxUpdateAttempts(Integer.parseInt(attempts));
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("maxUpdateAttempts must be a whole number: " + attempts);
    }
  }
}
