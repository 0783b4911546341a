package io.rapport.crm.value;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Compresses a summary table to its distinct {@code (x, t_x, T)} rows, each with the number of
 * customers who share it, so a likelihood evaluation costs one term per distinct history. Also
 * indexes the distinct frequencies, so terms that depend only on {@code x} (log-gammas) are
 * computed once per frequency and evaluation.
 */
final class UniqueRows {

  final int size;
  final int[] x;
  final double[] recency;
  final double[] age;
  final double[] weight;
  /** The distinct frequencies, ascending. */
  final int[] distinctX;
  /** For each row, the index of its frequency in {@link #distinctX}. */
  final int[] xIndex;
  /** For each distinct frequency, the total weight of the rows that have it. */
  final double[] xWeight;
  /** The total weight of all rows (the number of customers they stand for). */
  final double totalWeight;
  /** The distinct ages and recencies, and for each row the index of its own. */
  final double[] distinctAge;
  final int[] ageIndex;
  final double[] distinctRecency;
  final int[] recencyIndex;
  final int customers;
  final int repeaters;
  final double totalAge;
  final long totalFrequency;

  private UniqueRows(int[] x, double[] recency, double[] age, double[] weight, int customers,
      int repeaters, double totalAge, long totalFrequency) {
    this.size = x.length;
    this.x = x;
    this.recency = recency;
    this.age = age;
    this.weight = weight;
    this.customers = customers;
    this.repeaters = repeaters;
    this.totalAge = totalAge;
    this.totalFrequency = totalFrequency;
    this.distinctX = Arrays.stream(x).distinct().sorted().toArray();
    this.xIndex = new int[size];
    this.xWeight = new double[distinctX.length];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      xIndex[i] = Arrays.binarySearch(distinctX, x[i]);
      xWeight[xIndex[i]] += weight[i];
      sum += weight[i];
    }
    this.totalWeight = sum;
    this.distinctAge = Arrays.stream(age).distinct().sorted().toArray();
    this.ageIndex = new int[size];
    this.distinctRecency = Arrays.stream(recency).distinct().sorted().toArray();
    this.recencyIndex = new int[size];
    for (int i = 0; i < size; i++) {
      ageIndex[i] = Arrays.binarySearch(distinctAge, age[i]);
      recencyIndex[i] = Arrays.binarySearch(distinctRecency, recency[i]);
    }
  }

  /** Returns {@code log(shift + v)} for each value {@code v}. */
  static double[] logs(double shift, double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(shift + values[i]);
    }
    return logs;
  }

  /** Returns {@code 1 / (shift + v)} for each value {@code v}. */
  static double[] reciprocals(double shift, double[] values) {
    double[] reciprocals = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      reciprocals[i] = 1 / (shift + values[i]);
    }
    return reciprocals;
  }

  /**
   * Returns every {@code step}-th row with its weight multiplied by {@code step}: a rough picture
   * of the whole table, for a cheap first fit that gives the full fit its start point.
   */
  UniqueRows thinned(int step) {
    int n = (size + step - 1) / step;
    int[] xs = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0, j = 0; j < n; i += step, j++) {
      xs[j] = x[i];
      tx[j] = recency[i];
      t[j] = age[i];
      w[j] = weight[i] * step;
    }
    return new UniqueRows(xs, tx, t, w, customers, repeaters, totalAge, totalFrequency);
  }

  private record Key(int x, double recency, double age) {}

  static UniqueRows of(SummaryTable table) {
    int[] frequencies = table.frequencies();
    double[] recencies = table.recencies();
    double[] ages = table.ages();
    int n = frequencies.length;
    HashMap<Key, Integer> index = new HashMap<>(Math.max(16, n / 4));
    int[] x = new int[Math.min(n, 1024)];
    double[] tx = new double[x.length];
    double[] t = new double[x.length];
    double[] w = new double[x.length];
    int size = 0;
    int repeaters = 0;
    double totalAge = 0;
    long totalFrequency = 0;
    for (int i = 0; i < n; i++) {
      int xi = frequencies[i];
      // x = 0 forces t_x = 0, so the age alone keys those rows
      Key key = new Key(xi, recencies[i], ages[i]);
      Integer at = index.get(key);
      if (at == null) {
        if (size == x.length) {
          int capacity = size * 2;
          x = Arrays.copyOf(x, capacity);
          tx = Arrays.copyOf(tx, capacity);
          t = Arrays.copyOf(t, capacity);
          w = Arrays.copyOf(w, capacity);
        }
        index.put(key, size);
        x[size] = xi;
        tx[size] = recencies[i];
        t[size] = ages[i];
        w[size] = 1;
        size++;
      } else {
        w[at] += 1;
      }
      if (xi > 0) {
        repeaters++;
      }
      totalAge += ages[i];
      totalFrequency += xi;
    }
    return new UniqueRows(Arrays.copyOf(x, size), Arrays.copyOf(tx, size), Arrays.copyOf(t, size),
        Arrays.copyOf(w, size), n, repeaters, totalAge, totalFrequency);
  }
}
