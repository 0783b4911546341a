package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Locale;

/**
 * Turns a negative signal into a follow-up ticket with the right priority: the crisis-handling
 * path (危机管理) of a service center. Immutable and thread-safe.
 *
 * <p>Among the rules of the signal's kind that match, the one with the lowest threshold applies
 * (the most severe), so the order of the rules does not matter. If what the customer wrote
 * contains one of the urgent words (case-insensitive; a word such as {@code 安全} or
 * {@code lawyer}), the follow-up is {@link Priority#URGENT} whatever the rule says. A signal that no
 * rule matches opens no ticket.
 *
 * <p>The rules must be consistent: within a kind, no two share a threshold, and a worse score never
 * gets a lower priority than a better one.
 *
 * @param rules the rules
 * @param urgentWords words that make a follow-up urgent, each matched anywhere in the text
 */
public record FollowUpPolicy(Seq<FollowUpRule> rules, Set<String> urgentWords) {

  /** The most urgent words a policy holds. */
  public static final int MAX_URGENT_WORDS = 200;

  /** The longest urgent word, in characters. */
  public static final int MAX_WORD_LENGTH = 50;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws InvalidValueException with every inconsistency, as {@link #validated} reports them
   */
  public FollowUpPolicy {
    requireNonNull(rules, "rules");
    requireNonNull(urgentWords, "urgentWords");
    rules.forEach(value -> requireNonNull(value, "rules"));
    urgentWords.forEach(value -> requireNonNull(value, "urgentWords"));
    List<Violation> problems = problems(rules, urgentWords);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Checks rules and urgent words given from outside, reporting every problem:
   * {@code follow_up.rule.threshold_out_of_range} (a threshold outside 0 to 100 %),
   * {@code follow_up.rule.duplicate_threshold} (two rules of a kind with one threshold),
   * {@code follow_up.rule.priority_inverted} (a stricter threshold with a lower priority than a
   * looser one of the same kind), {@code follow_up.word.blank}, {@code follow_up.word.too_long},
   * {@code follow_up.words.too_many}; fields are {@code rules[i].atOrBelow},
   * {@code rules[i].priority} and {@code urgentWords}.
   *
   * @param rules the rules
   * @param urgentWords the urgent words
   * @return the policy, or every problem
   * @throws NullPointerException if an argument or an element is null
   */
  public static Validation<Seq<Violation>, FollowUpPolicy> validated(Seq<FollowUpRule> rules,
      Set<String> urgentWords) {
    requireNonNull(rules, "rules");
    requireNonNull(urgentWords, "urgentWords");
    rules.forEach(value -> requireNonNull(value, "rules"));
    urgentWords.forEach(value -> requireNonNull(value, "urgentWords"));
    List<Violation> problems = problems(rules, urgentWords);
    return problems.isEmpty() ? Validation.valid(new FollowUpPolicy(rules, urgentWords))
        : Validation.invalid(problems);
  }

  /**
   * Returns the policy a consumer brand starts from: detractors scoring 0 to 3 get a
   * {@link Priority#HIGH} complaint, 4 to 6 a {@link Priority#NORMAL} one; reviews at the bottom of
   * their scale (1 of 5 stars) a high one, up to 25 % (2 of 5 stars) a normal one; and the urgent
   * words of safety, injury, legal action and the press in Chinese and English.
   *
   * @return the standard policy
   */
  public static FollowUpPolicy standard() {
    return new FollowUpPolicy(List.of(
        rule(NegativeSignal.Kind.DETRACTOR, 30, Priority.HIGH),
        rule(NegativeSignal.Kind.DETRACTOR, 60, Priority.NORMAL),
        rule(NegativeSignal.Kind.BAD_REVIEW, 0, Priority.HIGH),
        rule(NegativeSignal.Kind.BAD_REVIEW, 25, Priority.NORMAL)),
        TreeSet.of("安全", "受伤", "律师", "起诉", "媒体", "曝光", "投诉到", "safety", "injury",
            "injured", "lawyer", "lawsuit", "sue", "press", "journalist"));
  }

  private static FollowUpRule rule(NegativeSignal.Kind kind, int atOrBelow, Priority priority) {
    return new FollowUpRule(kind, Percentage.ofPercent(atOrBelow), priority,
        TicketCategory.COMPLAINT, Option.none());
  }

  /**
   * Decides whether a signal opens a follow-up ticket, and which.
   *
   * @param signal the signal
   * @return the follow-up, or empty when no rule matches
   * @throws NullPointerException if signal is null
   */
  public Option<FollowUp> decide(NegativeSignal signal) {
    requireNonNull(signal, "signal");
    Option<FollowUpRule> rule = rules.filter(candidate -> candidate.matches(signal))
        .minBy(candidate -> candidate.atOrBelow());
    if (rule.isEmpty()) {
      return Option.none();
    }
    FollowUpRule chosen = rule.get();
    Option<String> urgent = signal.written().flatMap(this::urgentWordIn);
    Priority priority = urgent.isDefined() ? Priority.URGENT : chosen.priority();
    String reason = "Rule " + chosen.kind().name().toLowerCase(Locale.ROOT) + " at or below "
        + chosen.atOrBelow() + " → " + chosen.priority().name().toLowerCase(Locale.ROOT)
        + urgent.map(word -> "; urgent word '" + word + "' → urgent").getOrElse("");
    String subject = switch (signal.kind()) {
      case DETRACTOR -> "Follow-up of a detractor's NPS answer";
      case BAD_REVIEW -> "Follow-up of a bad review";
    };
    String description = signal.describe()
        + signal.written().map(text -> "\n\nThe customer wrote: " + text).getOrElse("");
    if (description.length() > 10_000) {
      description = description.substring(0, 10_000);
    }
    return Option.some(new FollowUp(signal.customer(), signal.source(), subject, description,
        priority, chosen.category(), chosen.team(), signal.channel(), reason));
  }

  private Option<String> urgentWordIn(String text) {
    String folded = text.toLowerCase(Locale.ROOT);
    return urgentWords.toList().sorted()
        .find(word -> folded.contains(word.toLowerCase(Locale.ROOT)));
  }

  private static List<Violation> problems(Seq<FollowUpRule> rules, Set<String> urgentWords) {
    List<Violation> problems = List.empty();
    for (int i = 0; i < rules.size(); i++) {
      FollowUpRule rule = rules.get(i);
      if (rule.atOrBelow().compareTo(Percentage.ZERO) < 0
          || rule.atOrBelow().compareTo(Percentage.ONE_HUNDRED) > 0) {
        problems = problems.append(Violation.of("follow_up.rule.threshold_out_of_range",
            "rules[" + i + "].atOrBelow",
            "A threshold lies between 0 and 100 %, but got " + rule.atOrBelow()));
      }
      for (int j = 0; j < i; j++) {
        FollowUpRule earlier = rules.get(j);
        if (earlier.kind() != rule.kind()) {
          continue;
        }
        int order = rule.atOrBelow().compareTo(earlier.atOrBelow());
        if (order == 0) {
          problems = problems.append(Violation.of("follow_up.rule.duplicate_threshold",
              "rules[" + i + "].atOrBelow", "Rules " + j + " and " + i + " both match "
                  + rule.kind() + " signals at or below " + rule.atOrBelow()));
        } else {
          FollowUpRule stricter = order < 0 ? rule : earlier;
          FollowUpRule looser = order < 0 ? earlier : rule;
          if (stricter.priority().compareTo(looser.priority()) < 0) {
            problems = problems.append(Violation.of("follow_up.rule.priority_inverted",
                "rules[" + i + "].priority", "A worse score would get a lower priority: at or"
                    + " below " + stricter.atOrBelow() + " gives " + stricter.priority()
                    + " but at or below " + looser.atOrBelow() + " gives " + looser.priority()));
          }
        }
      }
    }
    if (urgentWords.size() > MAX_URGENT_WORDS) {
      problems = problems.append(Violation.of("follow_up.words.too_many", "urgentWords",
          "At most " + MAX_URGENT_WORDS + " urgent words, but got " + urgentWords.size()));
    }
    for (String word : urgentWords.toList().sorted()) {
      if (word.isBlank()) {
        problems = problems.append(Violation.of("follow_up.word.blank", "urgentWords",
            "An urgent word is not blank"));
      } else if (word.length() > MAX_WORD_LENGTH) {
        problems = problems.append(Violation.of("follow_up.word.too_long", "urgentWords",
            "An urgent word has at most " + MAX_WORD_LENGTH + " characters, but '" + word
                + "' has " + word.length()));
      }
    }
    return problems;
  }
}
