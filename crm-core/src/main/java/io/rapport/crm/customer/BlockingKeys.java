package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Set;
import java.util.ArrayList;

/**
 * Computes the keys under which a store indexes a customer for duplicate lookup, so that finding
 * candidates for a profile reads a few small buckets instead of scanning everyone. Thread-safe.
 *
 * <p>Design. A store keeps, for every key, the customers that have it; to find duplicates of a
 * profile it reads the buckets of the profile's keys and {@link DuplicateMatcher#rank ranks} what
 * it finds. Keys are prefixed by their kind:
 * <ul>
 *   <li>{@code email:li.wei@example.com}, {@code phone:+8613800138000}, {@code tax:91310000MA1}:
 *       one key per exact value. A bucket holds the few customers sharing that value.</li>
 *   <li>{@code addr:<postal key>|<anchor>} for each postal key and each anchor of the name, and
 *       {@code org:<organization name>|<anchor>} for each anchor when there is an organization
 *       name (folded, without spaces). An anchor is the first four letters of a word of the name,
 *       and, for words of three letters or more, those letters with one of them dropped
 *       (for Chinese, Japanese and Korean names: the first four characters of the whole name
 *       without spaces, and the same with one dropped). So {@code "John Smith"} at postal key
 *       {@code p} has {@code addr:p|john}, {@code addr:p|ohn}, {@code addr:p|jhn}, …,
 *       {@code addr:p|smit}, {@code addr:p|mit}, …, and {@code "王小明"} has
 *       {@code addr:p|王小明}, {@code addr:p|小明}, {@code addr:p|王明} and {@code addr:p|王小}.
 *       One changed, missing, extra or swapped letter in the first four of a word, a different
 *       word order, case, width or accents all leave a key in common, while a family name alone
 *       shares none with a full Chinese name. A bucket holds people at one address, or at one
 *       company, whose names start alike: a handful even for a large office building or a large
 *       employer.</li>
 * </ul>
 * There are no keys by name alone, postal code alone, or email domain: such buckets grow with the
 * customer base ({@code gmail.com}, a common name) and would break the lookup's time budget.
 *
 * <p>Guarantee. Every pair of profiles that {@link DuplicateMatcher#standard()}, or any matcher
 * the builder accepts, scores {@link Confidence#LIKELY} or above shares at least one key: such a
 * pair shares an email, a phone or a tax id, or its names match (which requires a shared anchor,
 * see {@link MatchRule}) backed by a shared postal key or organization name. Pairs that only
 * match by name ({@link Confidence#POSSIBLE}) may share no key.
 */
public final class BlockingKeys {

  private BlockingKeys() {}

  /**
   * Computes a profile's blocking keys.
   *
   * @param profile the profile
   * @return the keys, each prefixed by its kind ({@code email:}, {@code phone:}, {@code tax:},
   *     {@code addr:}, {@code org:}), sorted
   * @throws NullPointerException if profile is null
   */
  public static Set<String> of(MatchProfile profile) {
    return of(MatchView.of(requireNonNull(profile, "profile")));
  }

  static Set<String> of(MatchView view) {
    MatchProfile profile = view.profile();
    String[] anchors = view.name().anchors();
    ArrayList<String> keys = new ArrayList<>(
        profile.emails().size() + profile.phones().size() + 1
            + anchors.length * (profile.postalKeys().size() + 1));
    for (String email : profile.emails()) {
      keys.add("email:" + email);
    }
    for (String phone : profile.phones()) {
      keys.add("phone:" + phone);
    }
    for (String taxId : profile.taxId()) {
      keys.add("tax:" + taxId);
    }
    for (String postalKey : profile.postalKeys()) {
      for (String anchor : anchors) {
        keys.add("addr:" + postalKey + "|" + anchor);
      }
    }
    if (view.organizationKey() != null) {
      for (String anchor : anchors) {
        keys.add("org:" + view.organizationKey() + "|" + anchor);
      }
    }
    return MatchProfile.sorted(keys);
  }
}
