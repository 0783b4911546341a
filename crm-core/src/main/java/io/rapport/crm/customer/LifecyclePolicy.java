package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;

/**
 * Says which lifecycle moves a business allows. {@link #standard()} is the usual funnel; hosts
 * build their own with {@link #builder()}. Immutable and thread-safe.
 */
public final class LifecyclePolicy {

  private static final LifecyclePolicy STANDARD = builder()
      .allow(LifecycleStage.LEAD, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER)
      .allow(LifecycleStage.PROSPECT, LifecycleStage.LEAD, LifecycleStage.CUSTOMER)
      .allow(LifecycleStage.CUSTOMER, LifecycleStage.INACTIVE, LifecycleStage.CHURNED)
      .allow(LifecycleStage.INACTIVE, LifecycleStage.CUSTOMER, LifecycleStage.CHURNED)
      .allow(LifecycleStage.CHURNED, LifecycleStage.WON_BACK)
      .allow(LifecycleStage.WON_BACK, LifecycleStage.CUSTOMER, LifecycleStage.INACTIVE,
          LifecycleStage.CHURNED)
      .build();

  private final Map<LifecycleStage, Set<LifecycleStage>> allowed;

  private LifecyclePolicy(Map<LifecycleStage, Set<LifecycleStage>> allowed) {
    this.allowed = allowed;
  }

  /**
   * Returns the usual funnel: lead → prospect → customer → inactive → churned → won back, with
   * lead straight to customer, prospect back to lead, inactive back to customer, customer straight
   * to churned, and won back to customer, inactive or churned.
   */
  public static LifecyclePolicy standard() {
    return STANDARD;
  }

  /** Returns a builder for a policy that allows nothing until told. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the stages a customer in a stage may move to.
   *
   * @param from the current stage
   * @return the allowed next stages, in declaration order
   */
  public Set<LifecycleStage> allowedFrom(LifecycleStage from) {
    return allowed.get(requireNonNull(from, "from")).getOrElse(TreeSet.empty());
  }

  /**
   * Tells whether a move is allowed.
   *
   * @param from the current stage
   * @param to the next stage
   * @return true if allowed
   */
  public boolean allows(LifecycleStage from, LifecycleStage to) {
    return allowedFrom(from).contains(requireNonNull(to, "to"));
  }

  /** Collects the allowed moves of a policy. Not thread-safe. */
  public static final class Builder {
    private Map<LifecycleStage, Set<LifecycleStage>> allowed = HashMap.empty();

    private Builder() {}

    /**
     * Allows moves from one stage to others.
     *
     * @param from the stage
     * @param to the stages it may move to
     * @return this builder
     * @throws IllegalArgumentException if a stage would move to itself
     */
    public Builder allow(LifecycleStage from, LifecycleStage... to) {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      Set<LifecycleStage> targets = allowed.get(from).getOrElse(TreeSet.empty());
      for (LifecycleStage stage : to) {
        if (requireNonNull(stage, "to element") == from) {
          throw new IllegalArgumentException("A stage does not move to itself: " + from);
        }
        targets = targets.add(stage);
      }
      allowed = allowed.put(from, targets);
      return this;
    }

    /** Returns the policy. */
    public LifecyclePolicy build() {
      return new LifecyclePolicy(allowed);
    }
  }
}
