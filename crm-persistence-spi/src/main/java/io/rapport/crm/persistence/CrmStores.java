package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Opens stores by provider name through {@link ServiceLoader}. */
public final class CrmStores {

  private CrmStores() {}

  /**
   * Opens a store of the named provider, such as {@code CrmStores.open("memory", Map.of())}.
   *
   * @param provider the provider's name
   * @param config the provider's settings
   * @return the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if no provider has that name (the message lists those found)
   * @throws StorageException if the store cannot be opened
   */
  public static CrmStore open(String provider, Map<String, String> config) {
    requireNonNull(provider, "provider");
    requireNonNull(config, "config");
    TreeSet<String> found = new TreeSet<>();
    for (CrmStoreProvider candidate : ServiceLoader.load(CrmStoreProvider.class)) {
      if (candidate.name().equals(provider)) {
        return candidate.open(config);
      }
      found.add(candidate.name());
    }
    throw new IllegalArgumentException(
        "No CrmStoreProvider named '" + provider + "'; found " + found);
  }
}
