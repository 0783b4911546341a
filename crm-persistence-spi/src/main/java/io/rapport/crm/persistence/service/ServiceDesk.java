package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.knowledge.ArticleRepository;
import io.rapport.crm.persistence.knowledge.ArticleSearch;
import io.rapport.crm.persistence.knowledge.SearchResults;
import io.rapport.crm.persistence.knowledge.SuggestRequest;
import io.rapport.crm.persistence.work.TeamRepository;
import io.rapport.crm.service.FollowUp;
import io.rapport.crm.service.FollowUpPolicy;
import io.rapport.crm.service.NegativeSignal;
import io.rapport.crm.service.SatisfactionOutcome;
import io.rapport.crm.service.SatisfactionPolicy;
import io.rapport.crm.service.SlaMonitor;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaPolicyBook;
import io.rapport.crm.service.SlaReview;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketDraft;
import io.rapport.crm.service.TicketMerge;
import io.rapport.crm.service.TicketRejection;
import io.rapport.crm.service.TicketRules;
import io.rapport.crm.service.TicketSplit;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.work.Team;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs the service process on stored tickets: every operation is one transaction that changes the
 * tickets, reviews their SLA under the policies stored in the same store, and publishes the events
 * — or changes nothing and says why. Immutable and thread-safe.
 *
 * <p>After every change the ticket's SLA is reviewed as of the stamp's time
 * ({@link SlaMonitor#review}): the first stored policy by rank that matches the ticket and its
 * customer's standing applies, counted on the calendar of the ticket's team (or the desk's default
 * calendar for a ticket without a team). Alerts raised for the first time fire the policy's
 * escalations in the same transaction. A monitoring job calls {@link #reviewDue} to raise the
 * warnings and breaches that time alone brings, and {@link #reviewAll} after a policy or
 * calendar changes.
 *
 * <p>Operations that open a second ticket (a follow-up after a low satisfaction score, after a
 * customer writes on a closed ticket, or for a negative signal) take its id from the caller, and
 * give its events the stamp's next ids.
 */
public final class ServiceDesk {

  private static final int PAGE = 500;

  private final CrmStore store;
  private final BusinessCalendar defaultCalendar;
  private final TicketRules rules;
  private final SatisfactionPolicy satisfaction;
  private final FollowUpPolicy followUps;
  private final CustomerStandings standings;

  private ServiceDesk(CrmStore store, BusinessCalendar defaultCalendar, TicketRules rules,
      SatisfactionPolicy satisfaction, FollowUpPolicy followUps, CustomerStandings standings) {
    this.store = store;
    this.defaultCalendar = defaultCalendar;
    this.rules = rules;
    this.satisfaction = satisfaction;
    this.followUps = followUps;
    this.standings = standings;
  }

  /**
   * Returns a desk on a store with the standard rules ({@link TicketRules#standard()},
   * {@link SatisfactionPolicy#standard()}, {@link FollowUpPolicy#standard()}) and customers'
   * tags as their segments ({@link CustomerStandings#fromTags()}).
   *
   * @param store the store holding tickets, SLA policies, teams, customers and articles
   * @param defaultCalendar the calendar of tickets without a team
   * @return the desk
   * @throws NullPointerException if an argument is null
   */
  public static ServiceDesk of(CrmStore store, BusinessCalendar defaultCalendar) {
    requireNonNull(store, "store");
    requireNonNull(defaultCalendar, "defaultCalendar");
    return new ServiceDesk(store, defaultCalendar, TicketRules.standard(),
        SatisfactionPolicy.standard(), FollowUpPolicy.standard(), CustomerStandings.fromTags());
  }

  /**
   * Returns this desk with other ticket rules (reopen window, closing delay).
   *
   * @param value the rules
   * @return the new desk
   * @throws NullPointerException if value is null
   */
  public ServiceDesk withRules(TicketRules value) {
    return new ServiceDesk(store, defaultCalendar, requireNonNull(value, "value"), satisfaction,
        followUps, standings);
  }

  /**
   * Returns this desk with another satisfaction policy.
   *
   * @param value the policy
   * @return the new desk
   * @throws NullPointerException if value is null
   */
  public ServiceDesk withSatisfaction(SatisfactionPolicy value) {
    return new ServiceDesk(store, defaultCalendar, rules, requireNonNull(value, "value"),
        followUps, standings);
  }

  /**
   * Returns this desk with another follow-up policy for negative signals.
   *
   * @param value the policy
   * @return the new desk
   * @throws NullPointerException if value is null
   */
  public ServiceDesk withFollowUps(FollowUpPolicy value) {
    return new ServiceDesk(store, defaultCalendar, rules, satisfaction,
        requireNonNull(value, "value"), standings);
  }

  /**
   * Returns this desk with another lookup of customers' tiers and segments.
   *
   * @param value the lookup
   * @return the new desk
   * @throws NullPointerException if value is null
   */
  public ServiceDesk withStandings(CustomerStandings value) {
    return new ServiceDesk(store, defaultCalendar, rules, satisfaction, followUps,
        requireNonNull(value, "value"));
  }

  /** Returns the ticket rules this desk applies. */
  public TicketRules rules() {
    return rules;
  }

  /**
   * Opens a ticket for a stored customer and reviews its SLA.
   *
   * @param id the new ticket's id
   * @param draft what the ticket is about
   * @param stamp the event's id, time and actor (an escalation on opening takes
   *     {@code stamp.next(1)})
   * @return the stored ticket, or why nothing was stored: {@code service.customer_not_found},
   *     {@code service.ticket_invalid} with every violation, {@code service.sla_policies_invalid},
   *     or a version conflict (a ticket with this id exists)
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Versioned<Ticket>> open(TicketId id, TicketDraft draft,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> openIn(tx, id, draft, stamp));
  }

  /**
   * Runs a command on a stored ticket and reviews its SLA, as one change.
   *
   * <pre>{@code
   * desk.update(ticketId, stamp, (ticket, s) -> ticket.reply("已安排师傅上门", s));
   * }</pre>
   *
   * @param id the ticket
   * @param stamp the stamp the command is given (the SLA escalation, if any, takes
   *     {@code stamp.next(1)})
   * @param command the command, given the stored ticket and the stamp
   * @return the stored ticket, or why nothing changed: {@code service.ticket_not_found}, the
   *     command's rejection, {@code service.sla_policies_invalid}, or a version conflict
   * @throws NullPointerException if an argument is null, or the command returns null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Versioned<Ticket>> update(TicketId id, EventStamp stamp,
      BiFunction<Ticket, EventStamp, ? extends Either<? extends Rejection, Transition<Ticket>>>
          command) {
    requireNonNull(id, "id");
    requireNonNull(stamp, "stamp");
    requireNonNull(command, "command");
    return store.inTransaction(tx -> change(tx, id, stamp, command));
  }

  /**
   * Records a customer's message on a ticket. On a ticket waiting for the customer it moves to
   * open; on a resolved ticket within the reopen window it reopens. On a ticket resolved longer
   * ago, or closed, it opens a follow-up ticket instead (parent and cause: the old ticket; the
   * message as its description; the old ticket's customer, channel, category, priority and
   * team).
   *
   * @param id the ticket written on
   * @param body the message
   * @param followUpId the id of the follow-up ticket, if one is needed
   * @param stamp the event's id, time and actor
   * @return the ticket written on and the follow-up ticket if one was opened, or why nothing
   *     changed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Outcome> customerWrote(TicketId id, String body, TicketId followUpId,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(body, "body");
    requireNonNull(followUpId, "followUpId");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Option<Versioned<Ticket>> found = TicketRepository.in(tx).find(id);
      if (found.isEmpty()) {
        return notFound(id);
      }
      Ticket ticket = found.get().value();
      Either<TicketRejection, Transition<Ticket>> wrote =
          ticket.customerWrote(body, rules, stamp);
      if (wrote.isRight() || !"ticket.follow_up_needed".equals(wrote.getLeft().code())) {
        return change(tx, id, stamp, (same, s) -> wrote)
            .map(stored -> new Outcome(stored, Option.none()));
      }
      TicketDraft draft = followUpDraft(ticket, "Follow-up of " + ticket.subject(), body);
      return openIn(tx, followUpId, draft, stamp)
          .map(opened -> new Outcome(found.get(), Option.some(opened)));
    });
  }

  /**
   * Records the customer's satisfaction score on a resolved or closed ticket and acts on it as the
   * satisfaction policy decides: nothing more for a content customer; a low score reopens the
   * ticket within the reopen window, or opens a follow-up ticket.
   *
   * @param id the ticket
   * @param score the score, on the policy's scale
   * @param comment what the customer wrote, or empty
   * @param followUpId the id of the follow-up ticket, if one is needed
   * @param stamp the event's id, time and actor (the reopening or the follow-up take
   *     {@code stamp.next(1)}, their SLA reviews later ids)
   * @return the rated ticket and the follow-up if one was opened, or why nothing changed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Outcome> rate(TicketId id, int score, Option<String> comment,
      TicketId followUpId, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(comment, "comment");
    requireNonNull(followUpId, "followUpId");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Either<Rejection, Versioned<Ticket>> rated = change(tx, id, stamp,
          (t, s) -> t.rate(score, comment, satisfaction.scale(), s));
      if (rated.isLeft()) {
        return Either.left(rated.getLeft());
      }
      Ticket ticket = rated.get().value();
      SatisfactionOutcome outcome = satisfaction.decide(ticket, rules, stamp.at());
      if (outcome instanceof SatisfactionOutcome.Reopen) {
        return change(tx, id, stamp.next(1), (t, s) -> t.reopen(rules, s))
            .map(reopened -> new Outcome(reopened, Option.none()));
      }
      if (outcome instanceof SatisfactionOutcome.FollowUp followUp) {
        return openIn(tx, followUpId, followUp.draft(), stamp.next(1))
            .map(opened -> new Outcome(rated.get(), Option.some(opened)));
      }
      return Either.right(new Outcome(rated.get(), Option.none()));
    });
  }

  /**
   * Opens a follow-up ticket for a negative signal as the follow-up policy decides, once: when a
   * ticket of the same customer already names the signal's record as its cause, that ticket is
   * returned and nothing is written.
   *
   * @param signal the signal
   * @param id the id of the follow-up ticket
   * @param stamp the event's id, time and actor
   * @return the follow-up ticket (new or existing), empty when the policy opens none, or why
   *     nothing was stored
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Option<Versioned<Ticket>>> followUp(NegativeSignal signal, TicketId id,
      EventStamp stamp) {
    requireNonNull(signal, "signal");
    requireNonNull(id, "id");
    requireNonNull(stamp, "stamp");
    Option<FollowUp> decided = followUps.decide(signal);
    if (decided.isEmpty()) {
      return Either.right(Option.none());
    }
    FollowUp followUp = decided.get();
    return store.inTransaction(tx -> {
      TicketRepository tickets = TicketRepository.in(tx);
      Option<IndexCursor> after = Option.none();
      do {
        Page<Versioned<Ticket>, IndexCursor> page = tickets.withCause(followUp.cause(), after, PAGE);
        Option<Versioned<Ticket>> existing =
            page.items().find(t -> t.value().customer().equals(followUp.customer()));
        if (existing.isDefined()) {
          return Either.right(existing);
        }
        after = page.next();
      } while (after.isDefined());
      TicketDraft draft = TicketDraft.of(followUp.subject(), followUp.description(),
              followUp.customer(), followUp.origin())
          .withCategory(followUp.category()).withPriority(followUp.priority())
          .withCause(followUp.cause());
      if (followUp.team().isDefined()) {
        draft = draft.withTeam(followUp.team().get());
      }
      return openIn(tx, id, draft, stamp).map(Option::some);
    });
  }

  /**
   * Merges one stored ticket into another ({@link TicketMerge#merge}) and reviews both SLAs: the
   * source's clocks are cancelled, the target's go on.
   *
   * @param source the ticket merged away
   * @param target the ticket that carries on
   * @param stamp the event's id, time and actor (as {@link TicketMerge#merge} uses them; the SLA
   *     reviews take {@code stamp.next(2)} and {@code stamp.next(3)})
   * @return both tickets as stored, or why nothing changed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Pair> merge(TicketId source, TicketId target, EventStamp stamp) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> both(tx, source, target).flatMap(found ->
        TicketMerge.merge(found._1.value(), found._2.value(), stamp)
            .mapLeft(r -> (Rejection) r)
            .flatMap(outcome -> saveBoth(tx, found._1, outcome.source(), stamp.next(2),
                found._2, outcome.target(), stamp.next(3)))));
  }

  /**
   * Splits comments of a stored ticket into a new ticket ({@link TicketSplit#split}), storing and
   * reviewing both.
   *
   * @param original the ticket split
   * @param newId the new ticket's id
   * @param comments the numbers of the comments copied to the new ticket
   * @param subject the new ticket's subject
   * @param stamp the event's id, time and actor (as {@link TicketSplit#split} uses them; the SLA
   *     reviews take {@code stamp.next(2)} and {@code stamp.next(3)})
   * @return the original and the new ticket as stored, or why nothing changed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Pair> split(TicketId original, TicketId newId, Seq<Integer> comments,
      String subject, EventStamp stamp) {
    requireNonNull(original, "original");
    requireNonNull(newId, "newId");
    requireNonNull(comments, "comments");
    requireNonNull(subject, "subject");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Option<Versioned<Ticket>> found = TicketRepository.in(tx).find(original);
      if (found.isEmpty()) {
        return notFound(original);
      }
      return TicketSplit.split(found.get().value(), newId, comments, subject, stamp)
          .mapLeft(r -> (Rejection) r)
          .flatMap(outcome -> saveBoth(tx, found.get(), outcome.original(), stamp.next(2),
              null, outcome.split(), stamp.next(3)));
    });
  }

  /**
   * Links two stored tickets as related, on both sides.
   *
   * @param one a ticket
   * @param other the other ticket
   * @param stamp the event's id, time and actor (the other side takes {@code stamp.next(1)})
   * @return both tickets as stored, or why nothing changed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Pair> relate(TicketId one, TicketId other, EventStamp stamp) {
    return relation(one, other, stamp, true);
  }

  /**
   * Removes the related link between two stored tickets, on both sides.
   *
   * @param one a ticket
   * @param other the other ticket
   * @param stamp the event's id, time and actor (the other side takes {@code stamp.next(1)})
   * @return both tickets as stored, or why nothing changed
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Pair> unrelate(TicketId one, TicketId other, EventStamp stamp) {
    return relation(one, other, stamp, false);
  }

  private Either<Rejection, Pair> relation(TicketId one, TicketId other, EventStamp stamp,
      boolean link) {
    requireNonNull(one, "one");
    requireNonNull(other, "other");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> both(tx, one, other).flatMap(found -> {
      Either<TicketRejection, Transition<Ticket>> first = link
          ? found._1.value().relate(other, stamp) : found._1.value().unrelate(other, stamp);
      Either<TicketRejection, Transition<Ticket>> second = link
          ? found._2.value().relate(one, stamp.next(1))
          : found._2.value().unrelate(one, stamp.next(1));
      if (first.isLeft()) {
        return Either.left(first.getLeft());
      }
      if (second.isLeft()) {
        return Either.left(second.getLeft());
      }
      return saveBoth(tx, found._1, first.get(), null, found._2, second.get(), null);
    }));
  }

  /**
   * Records that a stored knowledge article solved a ticket. The article must have a live
   * (published) version.
   *
   * @param id the ticket
   * @param article the article
   * @param stamp the event's id, time and actor
   * @return the ticket as stored, or why nothing changed: {@code service.ticket_not_found},
   *     {@code service.article_not_found}, {@code service.article_not_live}, or the ticket's
   *     rejection
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public Either<Rejection, Versioned<Ticket>> linkArticle(TicketId id, ArticleId article,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(article, "article");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Option<Versioned<Article>> found = ArticleRepository.in(tx).find(article);
      if (found.isEmpty()) {
        return Either.left(ServiceRefusal.of("service.article_not_found",
            "No article " + article + " is stored"));
      }
      if (found.get().value().liveVersion().isEmpty()) {
        return Either.left(ServiceRefusal.of("service.article_not_live",
            "Article " + article + " has no published version"));
      }
      return change(tx, id, stamp, (t, s) -> t.linkArticle(article, s));
    });
  }

  /**
   * Suggests published knowledge articles for a stored ticket, from its subject and description.
   *
   * @param id the ticket
   * @param search the knowledge search index
   * @param locale the language of the articles wanted, or empty for any
   * @param limit how many, 1 to {@link io.rapport.crm.persistence.knowledge.SearchQuery#MAX_LIMIT}
   * @return the suggestions, best first, or {@code service.ticket_not_found}
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the limit is out of range
   * @throws io.rapport.crm.persistence.knowledge.ArticleSearchException if the index fails
   */
  public Either<Rejection, SearchResults> suggestArticles(TicketId id, ArticleSearch search,
      Option<java.util.Locale> locale, int limit) {
    requireNonNull(id, "id");
    requireNonNull(search, "search");
    requireNonNull(locale, "locale");
    Option<Versioned<Ticket>> found = TicketRepository.in(store).find(id);
    if (found.isEmpty()) {
      return notFound(id);
    }
    return Either.right(search.suggest(SuggestRequest.forTicket(found.get().value(), locale,
        limit)));
  }

  /**
   * Reviews the SLA of every active ticket whose next warning or due time is at or before a
   * time: the monitoring job that raises warnings and breaches as time passes and fires their
   * escalations. Each ticket is its own transaction; a ticket changed concurrently is skipped and
   * counted, to be reviewed by the next run.
   *
   * @param asOf the time of the review
   * @param stamps the stamps for the reviews, one per ticket
   * @return what the sweep did
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public SlaSweep reviewDue(Instant asOf, Supplier<EventStamp> stamps) {
    requireNonNull(asOf, "asOf");
    requireNonNull(stamps, "stamps");
    return sweep(after -> TicketRepository.in(store).slaAlertBefore(asOf.plusNanos(1), after,
        PAGE), asOf, stamps);
  }

  /**
   * Reviews the SLA of every active ticket: after a policy or a team calendar changed, due times
   * are recomputed from each ticket's history under the new rules.
   *
   * @param asOf the time of the review
   * @param stamps the stamps for the reviews, one per ticket
   * @return what the sweep did
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public SlaSweep reviewAll(Instant asOf, Supplier<EventStamp> stamps) {
    requireNonNull(asOf, "asOf");
    requireNonNull(stamps, "stamps");
    return sweep(after -> TicketRepository.in(store).active(after, PAGE), asOf, stamps);
  }

  /**
   * Closes every resolved ticket whose resolution is at least the rules' closing delay before a
   * time ({@link TicketRules#closeAfter()}): the job that turns resolved tickets the customer did
   * not answer into closed ones. Each ticket is its own transaction; one changed concurrently or
   * refused is skipped, for the next run.
   *
   * @param asOf the time of the run; the closings are stamped with it
   * @param stamps the stamps for the closings, one per ticket
   * @return the tickets closed and the tickets skipped
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.persistence.StorageException if the storage fails
   */
  public ClosingSweep closeResolved(Instant asOf, Supplier<EventStamp> stamps) {
    requireNonNull(asOf, "asOf");
    requireNonNull(stamps, "stamps");
    Instant until = asOf.minus(rules.closeAfter()).plusNanos(1);
    List<TicketId> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Ticket>, IndexCursor> page =
          TicketRepository.in(store).resolvedBefore(until, after, PAGE);
      ids = ids.appendAll(page.items().map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    List<TicketId> closed = List.empty();
    List<TicketId> skipped = List.empty();
    for (TicketId id : ids) {
      EventStamp stamp = stamps.get();
      EventStamp at = new EventStamp(stamp.eventId(), asOf, stamp.by());
      Either<Rejection, Versioned<Ticket>> done = store.inTransaction(
          tx -> change(tx, id, at, (t, s) -> t.isDueForClosing(rules, s.at()) ? t.close(s)
              : Either.left(TicketRejection.of(TicketRejection.Reason.MOVE_NOT_ALLOWED, t,
                  "Ticket " + t.id() + " is not due for closing"))));
      if (done.isRight()) {
        closed = closed.append(id);
      } else {
        skipped = skipped.append(id);
      }
    }
    return new ClosingSweep(asOf, closed, skipped);
  }

  private SlaSweep sweep(
      java.util.function.Function<Option<IndexCursor>, Page<Versioned<Ticket>, IndexCursor>> pages,
      Instant asOf, Supplier<EventStamp> stamps) {
    List<TicketId> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Ticket>, IndexCursor> page = pages.apply(after);
      ids = ids.appendAll(page.items().map(v -> v.value().id()));
      after = page.next();
    } while (after.isDefined());
    int changed = 0;
    int alerts = 0;
    List<TicketId> skipped = List.empty();
    for (TicketId id : ids) {
      EventStamp stamp = stamps.get();
      EventStamp at = new EventStamp(stamp.eventId(), asOf, stamp.by());
      Either<Rejection, Tuple2<Boolean, Integer>> done = store.inTransaction(tx -> {
        Option<Versioned<Ticket>> found = TicketRepository.in(tx).find(id);
        if (found.isEmpty()) {
          return Either.right(Tuple.of(false, 0));
        }
        return reviewed(tx, new Transition<>(found.get().value(), List.empty()), at)
            .flatMap(review -> {
              if (review._1.state().equals(found.get().value())) {
                return Either.right(Tuple.of(false, 0));
              }
              return save(tx, found.get().version(), review._1)
                  .map(stored -> Tuple.of(true, review._2));
            });
      });
      if (done.isLeft()) {
        skipped = skipped.append(id);
      } else {
        changed += done.get()._1 ? 1 : 0;
        alerts += done.get()._2;
      }
    }
    return new SlaSweep(asOf, ids.size(), changed, alerts, skipped);
  }

  private Either<Rejection, Versioned<Ticket>> openIn(Transaction tx, TicketId id,
      TicketDraft draft, EventStamp stamp) {
    Option<Versioned<Customer>> customer = CustomerRepository.in(tx).find(draft.customer());
    if (customer.isEmpty() || customer.get().value().erasedAt().isDefined()) {
      return Either.left(ServiceRefusal.of("service.customer_not_found",
          "No customer " + draft.customer() + " is stored"));
    }
    Validation<io.vavr.collection.Seq<io.rapport.crm.kernel.Violation>, Transition<Ticket>> opened =
        Ticket.open(id, draft, stamp);
    if (opened.isInvalid()) {
      return Either.left(new ServiceRefusal("service.ticket_invalid",
          "The ticket cannot be opened: " + opened.getError().size() + " problem(s)",
          opened.getError()));
    }
    return reviewed(tx, opened.get(), stamp.next(1))
        .flatMap(review -> save(tx, Version.NEW, review._1));
  }

  private Either<Rejection, Versioned<Ticket>> change(Transaction tx, TicketId id,
      EventStamp stamp,
      BiFunction<Ticket, EventStamp, ? extends Either<? extends Rejection, Transition<Ticket>>>
          command) {
    Option<Versioned<Ticket>> found = TicketRepository.in(tx).find(id);
    if (found.isEmpty()) {
      return notFound(id);
    }
    Either<? extends Rejection, Transition<Ticket>> done =
        requireNonNull(command.apply(found.get().value(), stamp), "command result");
    if (done.isLeft()) {
      return Either.left(done.getLeft());
    }
    return reviewed(tx, done.get(), stamp.next(1))
        .flatMap(review -> save(tx, found.get().version(), review._1));
  }

  private Either<Rejection, Pair> saveBoth(Transaction tx, Versioned<Ticket> oneStored,
      Transition<Ticket> one, EventStamp oneReview, Versioned<Ticket> otherStored,
      Transition<Ticket> other, EventStamp otherReview) {
    Either<Rejection, Transition<Ticket>> first = oneReview == null ? Either.right(one)
        : reviewed(tx, one, oneReview).map(Tuple2::_1);
    Either<Rejection, Transition<Ticket>> second = otherReview == null ? Either.right(other)
        : reviewed(tx, other, otherReview).map(Tuple2::_1);
    if (first.isLeft()) {
      return Either.left(first.getLeft());
    }
    if (second.isLeft()) {
      return Either.left(second.getLeft());
    }
    return save(tx, oneStored.version(), first.get()).flatMap(a ->
        save(tx, otherStored == null ? Version.NEW : otherStored.version(), second.get())
            .map(b -> new Pair(a, b)));
  }

  private Either<Rejection, Versioned<Ticket>> save(Transaction tx, Version expected,
      Transition<Ticket> transition) {
    Either<VersionConflict, Version> saved =
        TicketRepository.in(tx).save(transition.state(), expected);
    if (saved.isLeft()) {
      return Either.left(saved.getLeft());
    }
    tx.publish(transition.events());
    return Either.right(new Versioned<>(transition.state(), saved.get()));
  }

  /** Reviews the SLA of a changed ticket; answers the combined transition and the alert count. */
  private Either<Rejection, Tuple2<Transition<Ticket>, Integer>> reviewed(Transaction tx,
      Transition<Ticket> done, EventStamp stamp) {
    Ticket ticket = done.state();
    Either<Rejection, SlaPolicyBook> book = book(tx);
    if (book.isLeft()) {
      return Either.left(book.getLeft());
    }
    Option<SlaPolicy> policy = book.get().select(ticket, standings.of(tx, ticket.customer()));
    if (policy.isEmpty()) {
      return Either.right(Tuple.of(done, 0));
    }
    SlaReview review =
        SlaMonitor.review(ticket, policy.get(), calendar(tx, ticket.team()), stamp.at());
    return ticket.applySla(review, stamp).<Rejection>mapLeft(r -> r)
        .map(applied -> Tuple.of(new Transition<>(applied.state(),
            done.events().appendAll(applied.events())), review.alerts().size()));
  }

  private static Either<Rejection, SlaPolicyBook> book(Transaction tx) {
    Seq<SlaPolicy> policies = SlaPolicyRepository.in(tx).byRank().map(Versioned::value);
    return SlaPolicyBook.of(policies).toEither().<Rejection>mapLeft(problems ->
        new ServiceRefusal("service.sla_policies_invalid",
            "The stored SLA policies do not form a valid book", problems));
  }

  private BusinessCalendar calendar(Transaction tx, Option<TeamId> team) {
    return team.flatMap(id -> TeamRepository.in(tx).find(id)).map(v -> v.value().calendar())
        .getOrElse(defaultCalendar);
  }

  private static Either<Rejection, Tuple2<Versioned<Ticket>, Versioned<Ticket>>> both(
      Transaction tx, TicketId one, TicketId other) {
    TicketRepository tickets = TicketRepository.in(tx);
    Option<Versioned<Ticket>> first = tickets.find(one);
    if (first.isEmpty()) {
      return notFound(one);
    }
    Option<Versioned<Ticket>> second = tickets.find(other);
    if (second.isEmpty()) {
      return notFound(other);
    }
    return Either.right(Tuple.of(first.get(), second.get()));
  }

  private static TicketDraft followUpDraft(Ticket ticket, String subject, String description) {
    String shortSubject = subject.length() > 200 ? subject.substring(0, 200) : subject;
    TicketDraft draft = TicketDraft.of(shortSubject, description, ticket.customer(),
            ticket.origin())
        .withCategory(ticket.category()).withPriority(ticket.priority())
        .withParent(ticket.id()).withCause(io.rapport.crm.kernel.RecordRef.to(ticket.id()));
    return ticket.team().isDefined() ? draft.withTeam(ticket.team().get()) : draft;
  }

  private static <T> Either<Rejection, T> notFound(TicketId id) {
    return Either.left(ServiceRefusal.of("service.ticket_not_found",
        "No ticket " + id + " is stored"));
  }

  /**
   * The result of an operation that may open a follow-up ticket. Immutable and thread-safe.
   *
   * @param ticket the ticket acted on, as stored
   * @param followUp the follow-up ticket opened, or empty
   */
  public record Outcome(Versioned<Ticket> ticket, Option<Versioned<Ticket>> followUp) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Outcome {
      requireNonNull(ticket, "ticket");
      requireNonNull(followUp, "followUp");
    }
  }

  /**
   * Two tickets stored together by a merge, split or link. Immutable and thread-safe.
   *
   * @param first the first ticket named by the operation (the merge's source, the split's
   *     original)
   * @param second the second (the merge's target, the split's new ticket)
   */
  public record Pair(Versioned<Ticket> first, Versioned<Ticket> second) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Pair {
      requireNonNull(first, "first");
      requireNonNull(second, "second");
    }
  }
}
