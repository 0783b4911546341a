package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses a command on an interaction and says why, with what the caller needs to act: the
 * interaction's customer, links and recording time as they are, and the record asked about, if any.
 * The interaction is unchanged. Immutable and thread-safe.
 *
 * @param reason why the command was refused
 * @param interaction the interaction
 * @param customer the customer it belongs to
 * @param links the records it is linked to
 * @param recordedAt when it was recorded
 * @param link the record the command was about, for links
 */
public record InteractionRejection(Reason reason, InteractionId interaction, CustomerId customer,
    Set<RecordRef> links, Instant recordedAt, Option<RecordRef> link) implements Rejection {

  /** Names why a command on an interaction was refused. */
  public enum Reason {
    /** The interaction was redacted for the erasure of its customer and no longer changes. */
    ERASED,
    /** The command is dated before the interaction was recorded. */
    BEFORE_RECORDED,
    /** An interaction cannot be linked to itself. */
    SELF_LINK,
    /** The interaction is already linked to that record. */
    ALREADY_LINKED,
    /** The interaction has {@value Interaction#MAX_LINKS} links already. */
    TOO_MANY_LINKS,
    /** The interaction is not linked to that record. */
    NOT_LINKED,
    /** The interaction already belongs to that customer. */
    SAME_CUSTOMER,
    /** The interaction was never moved, so there is no move to undo. */
    NEVER_MOVED
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public InteractionRejection {
    requireNonNull(reason, "reason");
    requireNonNull(interaction, "interaction");
    requireNonNull(customer, "customer");
    requireNonNull(links, "links");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(link, "link");
  }

  /**
   * Returns {@code interaction.} and the reason in lower case, such as
   * {@code interaction.already_linked}.
   */
  @Override
  public String code() {
    return "interaction." + reason.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String message() {
    String about = link.map(ref -> " " + ref).getOrElse("");
    switch (reason) {
      case ERASED:
        return "Interaction " + interaction + " was erased and no longer changes";
      case BEFORE_RECORDED:
        return "A change to interaction " + interaction + " cannot be dated before it was recorded, at "
            + recordedAt;
      case SELF_LINK:
        return "Interaction " + interaction + " cannot be linked to itself";
      case ALREADY_LINKED:
        return "Interaction " + interaction + " is already linked to" + about;
      case TOO_MANY_LINKS:
        return "Interaction " + interaction + " has " + Interaction.MAX_LINKS
            + " links already; unlink one first";
      case NOT_LINKED:
        return "Interaction " + interaction + " is not linked to" + about + "; links: "
            + links.mkString(", ");
      case SAME_CUSTOMER:
        return "Interaction " + interaction + " already belongs to customer " + customer;
      default:
        return "Interaction " + interaction + " was never moved to another customer";
    }
  }
}
