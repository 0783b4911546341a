package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Confidence;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerRejection;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.DuplicateMatcher;
import io.rapport.crm.customer.MatchResult;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadFill;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityDraft;
import io.rapport.crm.sales.Pipeline;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Converts a stored lead into a customer and, optionally, an opportunity, in one transaction: all
 * or nothing. Immutable and thread-safe.
 *
 * <p>Unless a person chose the customer, the lead's would-be customer is checked for duplicates
 * ({@link CustomerRepository#findDuplicates}); the best live match at or above the linking
 * threshold ({@link Confidence#LIKELY} by default) becomes the customer, and only its empty fields
 * are filled from the lead ({@link LeadFill}). Otherwise a new customer is registered from
 * {@link Lead#toCustomerDraft()}. The opportunity, when asked for, is opened for that customer with
 * the lead recorded on it; then the lead is marked converted. Events: the lead's conversion carries
 * the stamp; the customer's take {@code stamp.next(1)} (filling: {@code stamp.next(1).next(n)}),
 * the opportunity's {@code stamp.next(2)}.
 */
public final class LeadConversions {

  private static final int CANDIDATES = 5;

  private final CrmStore store;
  private final CustomerRules rules;
  private final DuplicateMatcher matcher;
  private final Confidence linkAt;

  private LeadConversions(CrmStore store, CustomerRules rules, DuplicateMatcher matcher,
      Confidence linkAt) {
    this.store = store;
    this.rules = rules;
    this.matcher = matcher;
    this.linkAt = linkAt;
  }

  /**
   * Returns the conversion service of a store, with the standard duplicate matcher linking at
   * {@link Confidence#LIKELY}.
   *
   * @param store the store
   * @param rules the customer rules new customers are registered under
   * @return the service
   * @throws NullPointerException if an argument is null
   */
  public static LeadConversions of(CrmStore store, CustomerRules rules) {
    return new LeadConversions(requireNonNull(store, "store"), requireNonNull(rules, "rules"),
        DuplicateMatcher.standard(), Confidence.LIKELY);
  }

  /**
   * Returns this service with other match rules and linking threshold; {@link Confidence#CERTAIN}
   * links only on a shared verified contact or tax id, {@link Confidence#POSSIBLE} on any
   * resemblance (rarely wise).
   *
   * @param duplicateMatcher the match rules
   * @param threshold the least confidence that links a lead to an existing customer
   * @return the service
   * @throws NullPointerException if an argument is null
   */
  public LeadConversions matching(DuplicateMatcher duplicateMatcher, Confidence threshold) {
    return new LeadConversions(store, rules, requireNonNull(duplicateMatcher, "duplicateMatcher"),
        requireNonNull(threshold, "threshold"));
  }

  /**
   * Converts a lead.
   *
   * @param leadId the stored lead
   * @param request which customer, and which opportunity if any
   * @param stamp the conversion's event id, time and actor
   * @return what was stored, or why nothing was: {@code conversion.lead_not_found},
   *     {@code conversion.customer_not_found}, {@code conversion.pipeline_not_found},
   *     {@code conversion.customer_invalid}, {@code conversion.opportunity_invalid} (with the
   *     violations), the lead's refusal ({@code lead.converted},
   *     {@code lead.status.move_not_allowed} for a disqualified lead), the customer's refusal
   *     ({@code customer.erased}, {@code customer.merged}), or a version conflict
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, LeadConversionResult> convert(LeadId leadId,
      LeadConversionRequest request, EventStamp stamp) {
    requireNonNull(leadId, "leadId");
    requireNonNull(request, "request");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      LeadRepository leads = LeadRepository.in(tx);
      Option<Versioned<Lead>> stored = leads.find(leadId);
      if (stored.isEmpty()) {
        return refuse("conversion.lead_not_found", "No lead " + leadId + " is stored");
      }
      Lead lead = stored.get().value();
      Either<Rejection, Landing> landing = land(tx, lead, request, stamp.next(1));
      if (landing.isLeft()) {
        return Either.left(landing.getLeft());
      }
      Landing customer = landing.get();
      Option<Transition<Opportunity>> opened = Option.none();
      if (request.opportunity().isDefined()) {
        Either<Rejection, Transition<Opportunity>> opening =
            open(tx, lead, customer.transition.state(), request, stamp.next(2));
        if (opening.isLeft()) {
          return Either.left(opening.getLeft());
        }
        opened = Option.of(opening.get());
      }
      Either<? extends Rejection, Transition<Lead>> converted = lead.convert(
          customer.transition.state().id(), customer.existing.isDefined(),
          opened.map(t -> t.state().id()), stamp);
      if (converted.isLeft()) {
        return Either.left(converted.getLeft());
      }
      Either<Rejection, Boolean> saved = save(tx, CustomerRepository.in(tx), customer.transition,
          customer.existing.map(Versioned::version).getOrElse(Version.NEW));
      if (opened.isDefined()) {
        Transition<Opportunity> opportunity = opened.get();
        saved = saved.flatMap(ok -> save(tx, OpportunityRepository.in(tx), opportunity,
            Version.NEW));
      }
      saved = saved.flatMap(ok -> save(tx, leads, converted.get(), stored.get().version()));
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      return Either.right(new LeadConversionResult(converted.get().state(),
          customer.transition.state(), customer.existing.isDefined(), customer.match,
          customer.candidates, opened.map(Transition::state)));
    });
  }

  /** Where the lead lands: the customer's transition, and what was found on the way. */
  private static final class Landing {
    final Transition<Customer> transition;
    final Option<Versioned<Customer>> existing;
    final Option<MatchResult> match;
    final Seq<MatchResult> candidates;

    Landing(Transition<Customer> transition, Option<Versioned<Customer>> existing,
        Option<MatchResult> match, Seq<MatchResult> candidates) {
      this.transition = transition;
      this.existing = existing;
      this.match = match;
      this.candidates = candidates;
    }
  }

  private Either<Rejection, Landing> land(Transaction tx, Lead lead,
      LeadConversionRequest request, EventStamp stamp) {
    CustomerRepository customers = CustomerRepository.in(tx);
    if (request.chosen()) {
      Option<Versioned<Customer>> chosen = customers.find(request.customer());
      if (chosen.isEmpty()) {
        return refuse("conversion.customer_not_found",
            "No customer " + request.customer() + " is stored");
      }
      return filled(chosen.get(), lead, Option.none(), List.empty(), stamp);
    }
    Validation<Seq<Violation>, Transition<Customer>> registered =
        Customer.register(request.customer(), lead.toCustomerDraft(), rules, stamp);
    if (registered.isInvalid()) {
      return Either.left(new ConversionRefusal("conversion.customer_invalid",
          "The lead does not make a valid customer: " + registered.getError().mkString("; "),
          registered.getError()));
    }
    Seq<MatchResult> candidates =
        customers.findDuplicates(registered.get().state(), matcher, CANDIDATES);
    for (MatchResult candidate : candidates) {
      if (!candidate.confidence().isAtLeast(linkAt)) {
        break;
      }
      Option<Versioned<Customer>> found = customers.find(candidate.candidate());
      if (found.isDefined() && !found.get().value().isErased()
          && !found.get().value().isMerged()) {
        return filled(found.get(), lead, Option.of(candidate), candidates, stamp);
      }
    }
    return Either.right(new Landing(registered.get(), Option.none(), Option.none(), candidates));
  }

  private static Either<Rejection, Landing> filled(Versioned<Customer> existing, Lead lead,
      Option<MatchResult> match, Seq<MatchResult> candidates, EventStamp stamp) {
    Either<CustomerRejection, Transition<Customer>> filled =
        LeadFill.fill(existing.value(), lead, stamp);
    return filled.<Rejection>mapLeft(refusal -> refusal)
        .map(transition -> new Landing(transition, Option.of(existing), match, candidates));
  }

  private static Either<Rejection, Transition<Opportunity>> open(Transaction tx, Lead lead,
      Customer customer, LeadConversionRequest request, EventStamp stamp) {
    Option<Versioned<Pipeline>> pipeline = PipelineRepository.in(tx).find(request.pipeline().get());
    if (pipeline.isEmpty()) {
      return refuse("conversion.pipeline_not_found",
          "No pipeline " + request.pipeline().get() + " is stored");
    }
    OpportunityDraft draft = request.draft().get().apply(customer.id());
    if (draft == null) {
      return refuse("conversion.opportunity_invalid", "The opportunity draft function gave nothing");
    }
    Validation<Seq<Violation>, Transition<Opportunity>> opened = Opportunity.open(
        request.opportunity().get(), draft.lead(lead.id()), pipeline.get().value(), stamp);
    if (opened.isInvalid()) {
      return Either.left(new ConversionRefusal("conversion.opportunity_invalid",
          "The opportunity cannot be opened: " + opened.getError().mkString("; "),
          opened.getError()));
    }
    return Either.right(opened.get());
  }

  private static <I extends io.rapport.crm.kernel.TypedId,
      A extends io.rapport.crm.kernel.Aggregate<I>> Either<Rejection, Boolean> save(Transaction tx,
      Repository<I, A> repository, Transition<A> transition, Version expected) {
    if (transition.events().isEmpty() && !expected.equals(Version.NEW)) {
      return Either.right(true);
    }
    Either<VersionConflict, Version> saved = repository.save(transition.state(), expected);
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    tx.publish(transition.events());
    return Either.right(true);
  }

  private static <T> Either<Rejection, T> refuse(String code, String message) {
    return Either.left(new ConversionRefusal(code, message, List.empty()));
  }
}
