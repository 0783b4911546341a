package io.rapport.crm.persistence.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a data source to count the statements its connections run (every {@code prepare*},
 * {@code execute*} and {@code commit}) and, when armed, to make the k-th of them fail like a
 * dying connection: the real connection is closed and an {@link SQLException} thrown. Also counts
 * the connections borrowed and not yet given back. Made of {@link Proxy} handlers so it fits any
 * driver.
 */
final class FaultyDataSource {

  private final DataSource proxy;
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger borrowed = new AtomicInteger();
  private volatile boolean counting;
  private volatile int failAt;
  private volatile SQLException injected;

  FaultyDataSource(DataSource real) {
    this.proxy = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (self, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("getConnection")) {
            borrowed.incrementAndGet();
            return wrap((Connection) result);
          }
          return result;
        });
  }

  /** Returns the wrapping data source to give a store. */
  DataSource dataSource() {
    return proxy;
  }

  /** Starts counting statements from zero, failing none. */
  void count() {
    statements.set(0);
    failAt = 0;
    injected = null;
    counting = true;
  }

  /** Starts counting statements from zero; the k-th (from 1) fails. */
  void failAt(int k) {
    count();
    failAt = k;
  }

  /** Stops counting and failing. */
  void disarm() {
    counting = false;
    failAt = 0;
  }

  /** Returns how many statements ran since counting started. */
  int statements() {
    return statements.get();
  }

  /** Returns the failure injected since the wrapper was armed, or null. */
  SQLException injected() {
    return injected;
  }

  /** Returns how many connections are borrowed and not yet closed. */
  int borrowed() {
    return borrowed.get();
  }

  private Connection wrap(Connection connection) {
    AtomicInteger closed = new AtomicInteger();
    InvocationHandler handler = (self, method, args) -> {
      String name = method.getName();
      if (name.equals("close")) {
        if (closed.getAndIncrement() == 0) {
          borrowed.decrementAndGet();
        }
        return invoke(connection, method, args);
      }
      if (name.equals("commit") || name.startsWith("prepare")) {
        tick(connection, name);
      }
      Object result = invoke(connection, method, args);
      if (result instanceof Statement) {
        return wrap((Statement) result, method.getReturnType(), connection);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  private Object wrap(Statement statement, Class<?> type, Connection connection) {
    InvocationHandler handler = (self, method, args) -> {
      if (method.getName().startsWith("execute")) {
        tick(connection, method.getName());
      }
      return invoke(statement, method, args);
    };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** Counts a statement; kills the connection and throws if it is the one to fail. */
  private void tick(Connection connection, String what) throws SQLException {
    if (!counting) {
      return;
    }
    int n = statements.incrementAndGet();
    if (n == failAt) {
      connection.close();
      injected = new SQLException("Injected failure at statement " + n + " (" + what + ")",
          "08006");
      throw injected;
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    }
  }
}
