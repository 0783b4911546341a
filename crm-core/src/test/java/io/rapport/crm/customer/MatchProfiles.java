package io.rapport.crm.customer;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.CustomerId;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.quicktheories.core.Gen;

/**
 * Generators of match profiles from small pools of names, contacts and addresses, so that
 * generated profiles often look alike, and of their likely duplicates: the same profile with one
 * typo, reordered words, another case or width, accents, and some fields changed.
 */
final class MatchProfiles {

  static final List<String> CJK = List.of("王", "李", "张", "小", "晓", "明", "红", "伟");

  static final Gen<String> LATIN_NAMES = lists()
      .of(strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 8)).ofSizeBetween(1, 3)
      .map(words -> String.join(" ", words));

  static final Gen<String> CJK_NAMES = lists().of(arbitrary().pick(CJK)).ofSizeBetween(1, 4)
      .map(chars -> String.join("", chars));

  static final Gen<String> NAMES = LATIN_NAMES.mix(CJK_NAMES, 30);

  /**
   * Names from a pool of near-alikes, so independent profiles often have close names; and long
   * names that differ only in their first two letters, which Jaro-Winkler finds alike (0.9 or
   * more) although they share no anchor.
   */
  static final Gen<String> CLOSE_NAMES = arbitrary()
      .pick(List.of("Anna", "Anne", "Ana", "Hanna", "Ann", "Annie", "Nana"))
      .zip(arbitrary().pick(List.of("Smith", "Smyth", "Smit", "Schmidt", "Mith", "Smithe")),
          integers().between(0, 2), (given, family, order) -> order == 0 ? given + " " + family
              : order == 1 ? family + ", " + given : family)
      .mix(arbitrary().pick(List.of("王小明", "王晓明", "王明", "王小红", "王", "王 小明", "汪小明")), 30)
      .mix(strings().betweenCodePoints('a', 'e').ofLength(2).map(start -> start + "lmnopqrstuvw"),
          20);

  static final Gen<Contacts> CONTACTS = pool("e%d@example.com", 4)
      .zip(pool("+4477009001%02d", 4), pool("TAX-%d", 3).map(Set::headOption),
          pool("gb:sw1a2aa:%dhighstreet", 3), Contacts::new);

  static final Gen<Option<String>> ORGANIZATIONS = pool("Acme %d Ltd", 3).map(Set::headOption);

  static final Gen<MatchProfile> PROFILES = profiles(NAMES);

  static final Gen<MatchProfile> CLOSE_PROFILES = profiles(CLOSE_NAMES);

  static Gen<MatchProfile> profiles(Gen<String> names) {
    return names.zip(CONTACTS, ORGANIZATIONS,
        arbitrary().pick(List.of(false, false, false, true)),
        (name, contacts, organization, isOrganization) -> profile("a", isOrganization, name,
            contacts, organization));
  }

  /** A change to a name: what to do, where, and with which letter. */
  record Typo(int kind, int position, int letter) {}

  static final Gen<Typo> TYPOS = integers().between(0, 8)
      .zip(integers().between(0, 1000), integers().between(0, 7), Typo::new);

  /** A profile and a variant of it with the id {@code b}: a likely duplicate or close to one. */
  static final Gen<MatchProfile[]> VARIANTS = PROFILES.zip(TYPOS, CONTACTS, ORGANIZATIONS,
      integers().between(0, 31), (a, typo, contacts, organization, keep) -> {
        MatchProfile b = profile("b", a.organization(), apply(typo, a.displayName()),
            new Contacts((keep & 1) != 0 ? a.emails() : contacts.emails(),
                (keep & 2) != 0 ? a.phones() : contacts.phones(),
                (keep & 4) != 0 ? a.taxId() : contacts.taxId(),
                (keep & 8) != 0 ? a.postalKeys() : contacts.postalKeys()),
            (keep & 16) != 0 ? a.organizationName() : organization);
        return new MatchProfile[] {a, b};
      });

  /** The contact fields of a profile. */
  record Contacts(Set<String> emails, Set<String> phones, Option<String> taxId,
      Set<String> postalKeys) {}

  private MatchProfiles() {}

  static MatchProfile profile(String id, boolean organization, String name, Contacts contacts,
      Option<String> organizationName) {
    return new MatchProfile(CustomerId.parse(id), organization, name, Option.none(), Option.none(),
        contacts.emails(), contacts.phones(), contacts.taxId(), contacts.postalKeys(),
        organizationName);
  }

  /** Picks 0 to 2 values from a pool of {@code size} made from a format. */
  static Gen<Set<String>> pool(String format, int size) {
    return lists().of(integers().between(0, size - 1)).ofSizeBetween(0, 2)
        .map(picks -> HashSet.ofAll(picks).map(i -> String.format(Locale.ROOT, format, i)));
  }

  /** Applies a typo or a rewriting to a name; never leaves it blank. */
  static String apply(Typo typo, String name) {
    boolean cjk = CJK.contains(name.substring(0, 1));
    List<Integer> points = new ArrayList<>();
    name.codePoints().forEach(points::add);
    int at = typo.position() % points.size();
    int letter = cjk ? CJK.get(typo.letter()).codePointAt(0) : 'a' + typo.letter() % 5;
    String changed;
    switch (typo.kind()) {
      case 0:
        points.set(at, points.get(at) == ' ' ? ' ' : letter);
        changed = join(points);
        break;
      case 1:
        points.remove(at);
        changed = join(points);
        break;
      case 2:
        points.add(at, letter);
        changed = join(points);
        break;
      case 3:
        if (at + 1 < points.size()) {
          Collections.swap(points, at, at + 1);
        }
        changed = join(points);
        break;
      case 4:
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        Collections.reverse(words);
        changed = cjk ? name.substring(0, 1) + " " + name.substring(1) : String.join(", ", words);
        break;
      case 5:
        changed = cjk ? name.substring(0, 1) + "·" + name.substring(1) : name.toUpperCase(Locale.ROOT);
        break;
      case 6:
        changed = name.replace('a', 'á').replace('e', 'ë');
        break;
      case 7:
        StringBuilder wide = new StringBuilder();
        name.codePoints().forEach(cp -> wide.appendCodePoint(cp < 0x80 && cp != ' ' ? cp + 0xFEE0 : cp));
        changed = wide.toString();
        break;
      default:
        changed = name;
    }
    return changed.isBlank() || changed.startsWith(" ") || changed.endsWith(" ") ? name : changed;
  }

  private static String join(List<Integer> points) {
    StringBuilder text = new StringBuilder();
    points.forEach(text::appendCodePoint);
    return text.toString();
  }
}
