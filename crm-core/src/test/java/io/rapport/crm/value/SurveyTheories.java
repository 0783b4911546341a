package io.rapport.crm.value;

import org.quicktheories.QuickTheory;

/** Runs QuickTheories with a fixed seed for the survey and KPI tests, as kernel's PropertyChecks. */
final class SurveyTheories {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private SurveyTheories() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }
}
