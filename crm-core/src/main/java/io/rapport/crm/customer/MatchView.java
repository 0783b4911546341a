package io.rapport.crm.customer;

/**
 * A profile with what comparisons need computed once: the folded name with its anchors and the
 * folded organization name.
 */
final class MatchView {

  private final MatchProfile profile;
  private final FoldedName name;
  private final String organizationKey;

  private MatchView(MatchProfile profile, FoldedName name, String organizationKey) {
    this.profile = profile;
    this.name = name;
    this.organizationKey = organizationKey;
  }

  static MatchView of(MatchProfile profile) {
    String organization = profile.organizationName().map(MatchProfile::compactFold)
        .filter(key -> !key.isEmpty()).getOrNull();
    return new MatchView(profile, FoldedName.of(profile.matchName()), organization);
  }

  MatchProfile profile() {
    return profile;
  }

  FoldedName name() {
    return name;
  }

  /** Returns the organization name folded without spaces, or null if none or empty. */
  String organizationKey() {
    return organizationKey;
  }
}
