package dev.presign.internal.verify;

import dev.presign.KeyStrategy;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.keys.ObjectKeys;

/** The rules for the prefixes the verifier writes to: quarantine, staging and permanent. */
public final class Prefixes {
  private Prefixes() {}

  /**
   * Checks a quarantine prefix.
   *
   * @param prefix the prefix
   * @throws IllegalArgumentException when it is empty or not a valid key prefix ending in {@code /}
   */
  public static void requireQuarantine(String prefix) {
    String violation = ObjectKeys.prefixViolation(prefix);
    Require.argument(
        violation == null && !prefix.isEmpty(),
        violation == null ? "prefix must not be empty" : violation,
        Redact.quote(prefix));
  }

  /**
   * Checks a promotion's two prefixes.
   *
   * @param stagingPrefix where uploads land
   * @param permanentPrefix where verified uploads go
   * @throws IllegalArgumentException when either is not a non-empty key prefix ending in {@code /},
   *     or one lies inside the other
   */
  public static void requirePromotion(String stagingPrefix, String permanentPrefix) {
    requireNonEmpty("stagingPrefix", stagingPrefix);
    requireNonEmpty("permanentPrefix", permanentPrefix);
    Require.argument(
        !stagingPrefix.startsWith(permanentPrefix) && !permanentPrefix.startsWith(stagingPrefix),
        "permanentPrefix must be neither inside nor around stagingPrefix "
            + Redact.quote(stagingPrefix),
        Redact.quote(permanentPrefix));
  }

  private static void requireNonEmpty(String name, String prefix) {
    String violation = ObjectKeys.prefixViolation(prefix);
    Require.argument(
        violation == null && !prefix.isEmpty(),
        name
            + " must be a non-empty key prefix ending in '/'"
            + (violation == null ? "" : " (" + violation + ")"),
        Redact.quote(prefix));
  }

  /**
   * Checks that a prefix presign writes to is one no issued key can reach: otherwise tenant {@code
   * quarantine} of {@code perPrincipal("")} would find every other tenant's failed uploads in its
   * own folder.
   *
   * @param strategy the issuer's key strategy
   * @param what the prefix's name for the message
   * @param prefix the prefix
   * @throws IllegalStateException when the strategy may produce keys under the prefix
   */
  public static void requireReserved(KeyStrategy strategy, String what, String prefix) {
    Require.state(
        !strategy.mayProduceKeyStartingWith(prefix),
        what
            + " must not hold keys the issuer's "
            + strategy
            + " can produce, or presign's objects would land"
            + " where an uploader's can (a principal or folder of that name); choose another prefix, or a strategy"
            + " that says it never produces keys there",
        Redact.quote(prefix));
  }
}
