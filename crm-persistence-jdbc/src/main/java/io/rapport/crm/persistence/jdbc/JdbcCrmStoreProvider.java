package io.rapport.crm.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStoreProvider;
import io.rapport.crm.persistence.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens {@link JdbcCrmStore}s by URL for {@code CrmStores.open("jdbc", config)}. Settings:
 * {@code url} (required, such as {@code jdbc:h2:file:./crm} or
 * {@code jdbc:postgresql://db/crm}), {@code user}, {@code password}, {@code migrate}
 * ({@code true} by default), {@code maxUpdateAttempts}, {@code consumer}. The store opens a
 * connection per call from the URL; hosts with a pool use {@link JdbcCrmStore#builder} instead.
 * For H2 the store keeps one connection open until it is closed: an in-memory database lives as
 * long as the store, and a file database is not closed and reopened between calls.
 */
public final class JdbcCrmStoreProvider implements CrmStoreProvider {

  private static final Set<String> SETTINGS =
      Set.of("url", "user", "password", "migrate", "maxUpdateAttempts", "consumer");

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public CrmStore open(Map<String, String> config) {
    requireNonNull(config, "config");
    TreeSet<String> unknown = new TreeSet<>(config.keySet());
    unknown.removeAll(SETTINGS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Unknown jdbc store settings " + unknown + "; known: "
          + new TreeSet<>(SETTINGS));
    }
    String url = config.get("url");
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("The jdbc store needs a 'url' such as jdbc:h2:file:./crm,"
          + " not " + url);
    }
    Properties properties = new Properties();
    if (config.containsKey("user")) {
      properties.setProperty("user", config.get("user"));
    }
    if (config.containsKey("password")) {
      properties.setProperty("password", config.get("password"));
    }
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, properties);
    JdbcCrmStore.Builder builder = JdbcCrmStore.builder(dataSource)
        .migrate(parseFlag(config.getOrDefault("migrate", "true")));
    if (config.containsKey("maxUpdateAttempts")) {
      builder.maxUpdateAttempts(parseCount(config.get("maxUpdateAttempts")));
    }
    if (config.containsKey("consumer")) {
      builder.consumer(config.get("consumer"));
    }
    if (!url.startsWith("jdbc:h2:")) {
      return builder.build();
    }
    Connection keepAlive;
    try {
      keepAlive = dataSource.getConnection();
    } catch (SQLException failure) {
      throw new StorageException("Could not open " + url + ": " + failure.getMessage(), failure);
    }
    try {
      return builder.closeWith(keepAlive).build();
    } catch (RuntimeException failure) {
      try {
        keepAlive.close();
      } catch (SQLException ignored) {
        failure.addSuppressed(ignored);
      }
      throw failure;
    }
  }

  private static boolean parseFlag(String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("migrate must be true or false: " + value);
    }
    return Boolean.parseBoolean(value);
  }

  private static int parseCount(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException malformed) {
      throw new IllegalArgumentException("maxUpdateAttempts must be a whole number: " + value);
    }
  }
}
