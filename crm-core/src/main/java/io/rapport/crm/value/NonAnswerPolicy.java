package io.rapport.crm.value;

/**
 * Says how a survey invitation that was not answered (a skipped question, an empty score) is
 * counted by {@link Nps}, {@link Csat} and {@link Ces}. Immutable and thread-safe.
 */
public enum NonAnswerPolicy {
  /**
   * Leaves non-answers out of every count and of the base: the usual practice and the default.
   * The score describes those who answered.
   */
  EXCLUDE,
  /**
   * Counts each non-answer as a neutral answer: a passive for NPS (in the base, neither promoter
   * nor detractor), an answer outside the top boxes for CSAT and CES. CES means still use only
   * real scores. A conservative reading: silence is not praise.
   */
  COUNT_AS_PASSIVE
}
