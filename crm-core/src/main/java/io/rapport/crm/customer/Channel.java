package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.util.Locale;

/**
 * Describes how an {@link Interaction} took place: a call, an email, an SMS, a chat, a social
 * message, a web form, a store visit or a meeting, each with the details of its kind.
 *
 * <p>Each kind checks its own details: its canonical constructor throws an
 * {@link InvalidValueException} with every violation, and its {@code validated} factory returns them
 * for outside input. Violations name their field under {@code channel}, such as
 * {@code channel.duration}, as they appear in an interaction.
 *
 * <p>{@link #redacted()} replaces the personal details of a kind (an email's subject, a call's phone
 * numbers, a meeting's location) for the erasure of a customer, and keeps what analytics needs: the
 * kind, the direction, durations, outcomes and the names of the company's own forms and stores.
 * {@link #title()} never contains personal details, so a redacted channel has the same title.
 */
public sealed interface Channel permits Channel.Call, Channel.Email, Channel.Sms, Channel.Chat,
    Channel.Social, Channel.WebForm, Channel.StoreVisit, Channel.Meeting {

  /** The longest name of a chat platform, form, store or meeting location, in characters. */
  int MAX_NAME_LENGTH = 200;

  /** The longest email subject, in characters: the length of one email header line. */
  int MAX_SUBJECT_LENGTH = 998;

  /** The fixed text that replaces personal text when a customer is erased. */
  String REDACTED = "[redacted]";

  /** Returns the kind of this channel. */
  Kind kind();

  /**
   * Returns this channel without its personal details: texts a customer wrote or that identify
   * them are replaced by {@link #REDACTED}, phone numbers are dropped. Applying it twice gives the
   * same channel as applying it once.
   *
   * @return the redacted channel, possibly this one
   */
  Channel redacted();

  /**
   * Returns a short readable line for a timeline, such as {@code Inbound call, answered, 4 min}. It
   * never contains personal details.
   *
   * @return the title
   */
  String title();

  /** Names the kinds of channel; {@link #code()} is the name used in timelines and JSON. */
  enum Kind {
    /** A phone call. */
    CALL,
    /** An email. */
    EMAIL,
    /** A text message. */
    SMS,
    /** A chat or instant message. */
    CHAT,
    /** A message on a social network. */
    SOCIAL,
    /** A form filled in on a web site. */
    WEB_FORM,
    /** A visit to a store. */
    STORE_VISIT,
    /** A meeting in person or online. */
    MEETING;

    /** Returns the name in lower case, such as {@code web_form}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Names who started a call, an email or a text message. */
  enum Direction {
    /** The customer contacted the company. */
    INBOUND,
    /** The company contacted the customer. */
    OUTBOUND;

    /** Returns {@code Inbound} or {@code Outbound}. */
    public String label() {
      return this == INBOUND ? "Inbound" : "Outbound";
    }
  }

  /** Names how a call ended. */
  enum CallOutcome {
    /** Someone answered and the parties talked. */
    ANSWERED,
    /** Nobody answered: a missed call. */
    NO_ANSWER,
    /** The line was busy: a missed call. */
    BUSY,
    /** A voicemail was reached, and possibly a message left. */
    VOICEMAIL,
    /** The call could not be connected: a missed call. */
    FAILED,
    /** The caller asked to be called back. */
    CALLBACK_REQUESTED;

    /** Tells whether the call never connected: no answer, busy or failed. */
    public boolean isMissed() {
      return this == NO_ANSWER || this == BUSY || this == FAILED;
    }

    /** Returns the outcome in words, such as {@code no answer}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * A phone call. An answered call lasted some time; a missed call (no answer, busy, failed) lasted
   * none; a voicemail or a callback request may last any time. Immutable and thread-safe.
   *
   * @param direction who called
   * @param duration how long the parties were connected, zero for a missed call
   * @param outcome how the call ended
   * @param from the calling number, if known
   * @param to the called number, if known
   */
  record Call(Direction direction, Duration duration, CallOutcome outcome, Option<PhoneNumber> from,
      Option<PhoneNumber> to) implements Channel {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException with every violation of {@link #validated}
     */
    public Call {
      requireNonNull(direction, "direction");
      requireNonNull(duration, "duration");
      requireNonNull(outcome, "outcome");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      throwIfAny(problems(direction, duration, outcome));
    }

    /**
     * Validates outside input into a call.
     *
     * @param direction who called, possibly null
     * @param duration how long, possibly null
     * @param outcome how it ended, possibly null
     * @param from the calling number
     * @param to the called number
     * @return the call, or every violation: {@code interaction.call.direction.missing},
     *     {@code interaction.call.outcome.missing}, {@code interaction.call.duration.missing},
     *     {@code interaction.call.duration.negative},
     *     {@code interaction.call.duration.zero_when_answered},
     *     {@code interaction.call.duration.not_zero_when_missed}
     * @throws NullPointerException if from or to is null
     */
    public static Validation<Seq<Violation>, Call> validated(Direction direction, Duration duration,
        CallOutcome outcome, Option<PhoneNumber> from, Option<PhoneNumber> to) {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      Seq<Violation> problems = problems(direction, duration, outcome);
      return problems.isEmpty() ? Validation.valid(new Call(direction, duration, outcome, from, to))
          : Validation.invalid(problems);
    }

    private static Seq<Violation> problems(Direction direction, Duration duration,
        CallOutcome outcome) {
      List<Violation> problems = List.empty();
      if (direction == null) {
        problems = problems.append(Violation.of("interaction.call.direction.missing",
            "channel.direction", "A call needs a direction"));
      }
      if (outcome == null) {
        problems = problems.append(Violation.of("interaction.call.outcome.missing",
            "channel.outcome", "A call needs an outcome"));
      }
      if (duration == null) {
        problems = problems.append(Violation.of("interaction.call.duration.missing",
            "channel.duration", "A call needs a duration (zero for a missed call)"));
      } else if (duration.isNegative()) {
        problems = problems.append(Violation.of("interaction.call.duration.negative",
            "channel.duration", "A call cannot last " + duration));
      } else if (outcome == CallOutcome.ANSWERED && duration.isZero()) {
        problems = problems.append(Violation.of("interaction.call.duration.zero_when_answered",
            "channel.duration", "An answered call lasts some time"));
      } else if (outcome != null && outcome.isMissed() && !duration.isZero()) {
        problems = problems.append(Violation.of("interaction.call.duration.not_zero_when_missed",
            "channel.duration", "A missed call (" + outcome.label() + ") lasts no time, but got "
                + duration));
      }
      return problems;
    }

    @Override
    public Kind kind() {
      return Kind.CALL;
    }

    /** Returns this call without its phone numbers. */
    @Override
    public Call redacted() {
      return new Call(direction, duration, outcome, Option.none(), Option.none());
    }

    /** Returns the direction, the outcome and, if any, the duration: {@code Inbound call, answered, 4 min}. */
    @Override
    public String title() {
      String title = direction.label() + " call, " + outcome.label();
      return duration.isZero() ? title : title + ", " + describe(duration);
    }
  }

  /**
   * An email. Immutable and thread-safe.
   *
   * @param direction who wrote it
   * @param subject its subject line, possibly empty, at most {@value #MAX_SUBJECT_LENGTH}
   *     characters
   */
  record Email(Direction direction, String subject) implements Channel {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the subject is too long
     *     ({@code interaction.email.subject.too_long})
     */
    public Email {
      requireNonNull(direction, "direction");
      requireNonNull(subject, "subject");
      throwIfAny(problems(direction, subject));
    }

    /**
     * Validates outside input into an email.
     *
     * @param direction who wrote it, possibly null
     * @param subject the subject line, possibly null
     * @return the email, or every violation: {@code interaction.email.direction.missing},
     *     {@code interaction.email.subject.missing}, {@code interaction.email.subject.too_long}
     */
    public static Validation<Seq<Violation>, Email> validated(Direction direction, String subject) {
      Seq<Violation> problems = problems(direction, subject);
      return problems.isEmpty() ? Validation.valid(new Email(direction, subject))
          : Validation.invalid(problems);
    }

    private static Seq<Violation> problems(Direction direction, String subject) {
      List<Violation> problems = List.empty();
      if (direction == null) {
        problems = problems.append(Violation.of("interaction.email.direction.missing",
            "channel.direction", "An email needs a direction"));
      }
      if (subject == null) {
        problems = problems.append(Violation.of("interaction.email.subject.missing",
            "channel.subject", "An email needs a subject, possibly empty"));
      } else if (length(subject) > MAX_SUBJECT_LENGTH) {
        problems = problems.append(Violation.of("interaction.email.subject.too_long",
            "channel.subject", "An email subject has at most " + MAX_SUBJECT_LENGTH
                + " characters, but got " + length(subject)));
      }
      return problems;
    }

    @Override
    public Kind kind() {
      return Kind.EMAIL;
    }

    /** Returns this email with its subject replaced by {@link Channel#REDACTED}. */
    @Override
    public Email redacted() {
      return new Email(direction, REDACTED);
    }

    /** Returns {@code Inbound email} or {@code Outbound email}; never the subject. */
    @Override
    public String title() {
      return direction.label() + " email";
    }
  }

  /**
   * A text message. Immutable and thread-safe.
   *
   * @param direction who wrote it
   */
  record Sms(Direction direction) implements Channel {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if direction is null
     */
    public Sms {
      requireNonNull(direction, "direction");
    }

    /**
     * Validates outside input into a text message.
     *
     * @param direction who wrote it, possibly null
     * @return the message, or the violation {@code interaction.sms.direction.missing}
     */
    public static Validation<Seq<Violation>, Sms> validated(Direction direction) {
      return direction == null ? Violation.invalid("interaction.sms.direction.missing",
          "channel.direction", "A text message needs a direction")
          : Validation.valid(new Sms(direction));
    }

    @Override
    public Kind kind() {
      return Kind.SMS;
    }

    /** Returns this message: it has no personal details. */
    @Override
    public Sms redacted() {
      return this;
    }

    /** Returns {@code Inbound SMS} or {@code Outbound SMS}. */
    @Override
    public String title() {
      return direction.label() + " SMS";
    }
  }

  /**
   * A chat or instant-messaging conversation. Immutable and thread-safe.
   *
   * @param platform where it took place, such as {@code WeChat} or {@code web site chat}: not
   *     blank, at most {@value #MAX_NAME_LENGTH} characters
   */
  record Chat(String platform) implements Channel {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if platform is null
     * @throws InvalidValueException if it is blank ({@code interaction.chat.platform.blank}) or too
     *     long ({@code interaction.chat.platform.too_long})
     */
    public Chat {
      requireNonNull(platform, "platform");
      throwIfAny(name(platform, "interaction.chat.platform", "channel.platform", "A chat platform"));
    }

    /**
     * Validates outside input into a chat.
     *
     * @param platform where it took place, possibly null
     * @return the chat, or the violation {@code interaction.chat.platform.blank} or
     *     {@code interaction.chat.platform.too_long}
     */
    public static Validation<Seq<Violation>, Chat> validated(String platform) {
      Seq<Violation> problems = name(platform, "interaction.chat.platform", "channel.platform",
          "A chat platform");
      return problems.isEmpty() ? Validation.valid(new Chat(platform)) : Validation.invalid(problems);
    }

    @Override
    public Kind kind() {
      return Kind.CHAT;
    }

    /** Returns this chat: the platform is not personal. */
    @Override
    public Chat redacted() {
      return this;
    }

    /** Returns {@code Chat on} and the platform. */
    @Override
    public String title() {
      return "Chat on " + platform;
    }
  }

  /**
   * A message or post on a social network. Immutable and thread-safe.
   *
   * @param network the network
   */
  record Social(MessagingHandle.Network network) implements Channel {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if network is null
     */
    public Social {
      requireNonNull(network, "network");
    }

    /**
     * Validates outside input into a social message.
     *
     * @param network the network, possibly null
     * @return the message, or the violation {@code interaction.social.network.missing}
     */
    public static Validation<Seq<Violation>, Social> validated(MessagingHandle.Network network) {
      return network == null ? Violation.invalid("interaction.social.network.missing",
          "channel.network", "A social message needs a network")
          : Validation.valid(new Social(network));
    }

    @Override
    public Kind kind() {
      return Kind.SOCIAL;
    }

    /** Returns this message: the network is not personal. */
    @Override
    public Social redacted() {
      return this;
    }

    /** Returns {@code Social message on} and the network, such as {@code Social message on Weibo}. */
    @Override
    public String title() {
      return "Social message on " + networkName(network);
    }
  }

  /**
   * A form the customer filled in on a web site; no employee takes part. Immutable and thread-safe.
   *
   * @param formName the company's name for the form, such as {@code Catalogue request}: not blank,
   *     at most {@value #MAX_NAME_LENGTH} characters
   */
  record WebForm(String formName) implements Channel {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if formName is null
     * @throws InvalidValueException if it is blank ({@code interaction.web_form.name.blank}) or too
     *     long ({@code interaction.web_form.name.too_long})
     */
    public WebForm {
      requireNonNull(formName, "formName");
      throwIfAny(name(formName, "interaction.web_form.name", "channel.formName", "A form name"));
    }

    /**
     * Validates outside input into a web form.
     *
     * @param formName the form's name, possibly null
     * @return the form, or the violation {@code interaction.web_form.name.blank} or
     *     {@code interaction.web_form.name.too_long}
     */
    public static Validation<Seq<Violation>, WebForm> validated(String formName) {
      Seq<Violation> problems = name(formName, "interaction.web_form.name", "channel.formName",
          "A form name");
      return problems.isEmpty() ? Validation.valid(new WebForm(formName))
          : Validation.invalid(problems);
    }

    @Override
    public Kind kind() {
      return Kind.WEB_FORM;
    }

    /** Returns this form: its name is the company's, not personal. */
    @Override
    public WebForm redacted() {
      return this;
    }

    /** Returns {@code Web form:} and the form's name. */
    @Override
    public String title() {
      return "Web form: " + formName;
    }
  }

  /**
   * A visit to one of the company's stores. Immutable and thread-safe.
   *
   * @param store the store's name or code, such as {@code Shanghai Xintiandi}: not blank, at most
   *     {@value #MAX_NAME_LENGTH} characters
   */
  record StoreVisit(String store) implements Channel {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if store is null
     * @throws InvalidValueException if it is blank ({@code interaction.store_visit.store.blank}) or
     *     too long ({@code interaction.store_visit.store.too_long})
     */
    public StoreVisit {
      requireNonNull(store, "store");
      throwIfAny(name(store, "interaction.store_visit.store", "channel.store", "A store"));
    }

    /**
     * Validates outside input into a store visit.
     *
     * @param store the store's name or code, possibly null
     * @return the visit, or the violation {@code interaction.store_visit.store.blank} or
     *     {@code interaction.store_visit.store.too_long}
     */
    public static Validation<Seq<Violation>, StoreVisit> validated(String store) {
      Seq<Violation> problems = name(store, "interaction.store_visit.store", "channel.store",
          "A store");
      return problems.isEmpty() ? Validation.valid(new StoreVisit(store))
          : Validation.invalid(problems);
    }

    @Override
    public Kind kind() {
      return Kind.STORE_VISIT;
    }

    /** Returns this visit: the store is the company's, not personal. */
    @Override
    public StoreVisit redacted() {
      return this;
    }

    /** Returns {@code Store visit:} and the store. */
    @Override
    public String title() {
      return "Store visit: " + store;
    }
  }

  /**
   * A meeting in person or online. Immutable and thread-safe.
   *
   * @param location where it took place, possibly empty, at most {@value #MAX_NAME_LENGTH}
   *     characters; personal (it may be the customer's home), so erasure replaces it
   * @param duration how long it lasted, positive
   */
  record Meeting(String location, Duration duration) implements Channel {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the location is too long
     *     ({@code interaction.meeting.location.too_long}) or the duration is not positive
     *     ({@code interaction.meeting.duration.not_positive})
     */
    public Meeting {
      requireNonNull(location, "location");
      requireNonNull(duration, "duration");
      throwIfAny(problems(location, duration));
    }

    /**
     * Validates outside input into a meeting.
     *
     * @param location where, possibly null
     * @param duration how long, possibly null
     * @return the meeting, or every violation: {@code interaction.meeting.location.missing},
     *     {@code interaction.meeting.location.too_long}, {@code interaction.meeting.duration.missing},
     *     {@code interaction.meeting.duration.not_positive}
     */
    public static Validation<Seq<Violation>, Meeting> validated(String location, Duration duration) {
      Seq<Violation> problems = problems(location, duration);
      return problems.isEmpty() ? Validation.valid(new Meeting(location, duration))
          : Validation.invalid(problems);
    }

    private static Seq<Violation> problems(String location, Duration duration) {
      List<Violation> problems = List.empty();
      if (location == null) {
        problems = problems.append(Violation.of("interaction.meeting.location.missing",
            "channel.location", "A meeting needs a location, possibly empty"));
      } else if (length(location) > MAX_NAME_LENGTH) {
        problems = problems.append(Violation.of("interaction.meeting.location.too_long",
            "channel.location", "A location has at most " + MAX_NAME_LENGTH
                + " characters, but got " + length(location)));
      }
      if (duration == null) {
        problems = problems.append(Violation.of("interaction.meeting.duration.missing",
            "channel.duration", "A meeting needs a duration"));
      } else if (duration.isNegative() || duration.isZero()) {
        problems = problems.append(Violation.of("interaction.meeting.duration.not_positive",
            "channel.duration", "A meeting lasts some time, but got " + duration));
      }
      return problems;
    }

    @Override
    public Kind kind() {
      return Kind.MEETING;
    }

    /** Returns this meeting with its location replaced by {@link Channel#REDACTED}. */
    @Override
    public Meeting redacted() {
      return new Meeting(REDACTED, duration);
    }

    /** Returns {@code Meeting,} and the duration, such as {@code Meeting, 1 h 30 min}. */
    @Override
    public String title() {
      return "Meeting, " + describe(duration);
    }
  }

  /**
   * Describes a duration in words for a title: {@code 45 s}, {@code 4 min}, {@code 4 min 30 s},
   * {@code 1 h 5 min}. Seconds are left out from an hour on, fractions of seconds always.
   *
   * @param duration a duration, not negative
   * @return the description
   * @throws NullPointerException if duration is null
   */
  private static String describe(Duration duration) {
    long seconds = duration.getSeconds();
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(" h");
    }
    if (minutes > 0) {
      text.append(text.length() > 0 ? " " : "").append(minutes).append(" min");
    }
    if (hours == 0 && (rest > 0 || minutes == 0)) {
      text.append(text.length() > 0 ? " " : "").append(rest).append(" s");
    }
    return text.toString();
  }

  /** Returns a network's usual written name. */
  private static String networkName(MessagingHandle.Network network) {
    switch (network) {
      case WECHAT:
        return "WeChat";
      case WHATSAPP:
        return "WhatsApp";
      case LINE:
        return "LINE";
      case X:
        return "X";
      case OTHER:
        return "another network";
      default:
        String name = network.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /** Returns the length of a text in characters (code points). */
  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Checks a name that must be present, not blank and not too long. */
  private static Seq<Violation> name(String text, String code, String field, String what) {
    if (text == null || text.isBlank()) {
      return List.of(Violation.of(code + ".blank", field, what + " must not be blank"));
    }
    if (length(text) > MAX_NAME_LENGTH) {
      return List.of(Violation.of(code + ".too_long", field, what + " has at most "
          + MAX_NAME_LENGTH + " characters, but got " + length(text)));
    }
    return List.empty();
  }

  private static void throwIfAny(Seq<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }
}
