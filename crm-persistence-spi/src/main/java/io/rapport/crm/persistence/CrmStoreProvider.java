package io.rapport.crm.persistence;

import java.util.Map;

/**
 * Makes stores of one kind, found by name through {@link java.util.ServiceLoader}: {@code memory}
 * ships with this module, {@code jdbc} with crm-persistence-jdbc. An adapter registers its
 * provider in {@code META-INF/services/io.rapport.crm.persistence.CrmStoreProvider}.
 */
public interface CrmStoreProvider {

  /** Returns the provider's name, such as {@code memory}. */
  String name();

  /**
   * Opens a store.
   *
   * @param config provider-specific settings, documented by each provider
   * @return the store
   * @throws IllegalArgumentException if a setting is invalid
   * @throws StorageException if the store cannot be opened
   */
  CrmStore open(Map<String, String> config);
}
