package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A sign that a customer is unhappy outside a ticket: a detractor's answer to an NPS survey, or a
 * bad review recorded as an interaction. A {@link FollowUpPolicy} turns it into a follow-up
 * ticket with the right priority.
 */
public sealed interface NegativeSignal {

  /** Returns the customer concerned. */
  CustomerId customer();

  /** Returns when the customer gave the signal. */
  Instant at();

  /**
   * Returns the record the follow-up ticket names as its cause; with the customer it identifies
   * the signal, so that a signal seen twice opens one ticket.
   */
  RecordRef source();

  /** Returns the kind of signal, which rules match on. */
  Kind kind();

  /**
   * Returns where the score lies on its scale, from 0 % (the worst answer) to 100 % (the best):
   * an NPS score of 3 is 30 %, a review of 2 stars out of 5 is 25 %.
   */
  BigDecimal position();

  /** Returns what the customer wrote, or empty. */
  Option<String> written();

  /** Returns the channel a follow-up ticket records as its origin. */
  Channel.Kind channel();

  /** Returns a short readable line for the follow-up's description, without personal text. */
  String describe();

  /** Names the kinds of negative signal. */
  enum Kind {
    /** An NPS answer of 0 to 6. */
    DETRACTOR,
    /** A review with a low rating. */
    BAD_REVIEW
  }

  /**
   * A detractor's answer to a Net Promoter Score survey: 0 to 6 on the 0 to 10 scale.
   *
   * @param survey the survey answered
   * @param customer the customer who answered
   * @param score the score, 0 to 6
   * @param comment what the customer wrote, or empty
   * @param at when they answered
   */
  record DetractorAnswer(SurveyId survey, CustomerId customer, int score, Option<String> comment,
      Instant at) implements NegativeSignal {

    /** The highest NPS score that makes a detractor. */
    public static final int HIGHEST_DETRACTOR_SCORE = 6;

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component or the comment is null
     * @throws InvalidValueException if the score is outside 0 to 6
     *     ({@code follow_up.signal.not_detractor}, field {@code score})
     */
    public DetractorAnswer {
      requireNonNull(survey, "survey");
      requireNonNull(customer, "customer");
      requireNonNull(comment, "comment");
      requireNonNull(at, "at");
      comment.forEach(value -> requireNonNull(value, "comment"));
      if (score < 0 || score > HIGHEST_DETRACTOR_SCORE) {
        throw new InvalidValueException(List.of(Violation.of("follow_up.signal.not_detractor",
            "score", "A detractor answers 0 to 6 on the NPS scale, but got " + score)));
      }
    }

    @Override
    public RecordRef source() {
      return RecordRef.to(survey);
    }

    @Override
    public Kind kind() {
      return Kind.DETRACTOR;
    }

    @Override
    public BigDecimal position() {
      return BigDecimal.valueOf(score * 10L);
    }

    @Override
    public Option<String> written() {
      return comment;
    }

    @Override
    public Channel.Kind channel() {
      return Channel.Kind.WEB_FORM;
    }

    @Override
    public String describe() {
      return "NPS answer " + score + " of 10 to survey " + survey;
    }
  }

  /**
   * A review with a low rating, recorded as an interaction (a review site, a social post, a
   * marketplace rating).
   *
   * @param interaction the interaction that records it
   * @param customer the customer who wrote it
   * @param rating the rating, 1 to outOf
   * @param outOf the best rating on the scale, 2 to 100, such as 5 stars
   * @param text what the customer wrote, possibly empty
   * @param channel where it was published
   * @param at when it was published
   */
  record BadReview(InteractionId interaction, CustomerId customer, int rating, int outOf,
      String text, Channel.Kind channel, Instant at) implements NegativeSignal {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException with every broken rule: a scale outside 2 to 100
     *     ({@code follow_up.signal.scale_invalid}, field {@code outOf}), a rating outside 1 to
     *     outOf ({@code follow_up.signal.rating_out_of_range}, field {@code rating})
     */
    public BadReview {
      requireNonNull(interaction, "interaction");
      requireNonNull(customer, "customer");
      requireNonNull(text, "text");
      requireNonNull(channel, "channel");
      requireNonNull(at, "at");
      List<Violation> problems = List.empty();
      if (outOf < 2 || outOf > 100) {
        problems = problems.append(Violation.of("follow_up.signal.scale_invalid", "outOf",
            "A rating scale goes from 1 to 2..100, but got " + outOf));
      } else if (rating < 1 || rating > outOf) {
        problems = problems.append(Violation.of("follow_up.signal.rating_out_of_range", "rating",
            "A rating lies between 1 and " + outOf + ", but got " + rating));
      }
      if (!problems.isEmpty()) {
        throw new InvalidValueException(problems);
      }
    }

    @Override
    public RecordRef source() {
      return RecordRef.to(interaction);
    }

    @Override
    public Kind kind() {
      return Kind.BAD_REVIEW;
    }

    @Override
    public BigDecimal position() {
      return BigDecimal.valueOf((rating - 1) * 100L)
          .divide(BigDecimal.valueOf(outOf - 1L), 4, RoundingMode.HALF_EVEN);
    }

    @Override
    public Option<String> written() {
      return text.isBlank() ? Option.none() : Option.some(text);
    }

    @Override
    public String describe() {
      return "Review rated " + rating + " of " + outOf + " (" + channel.code() + ", interaction "
          + interaction + ")";
    }
  }
}
