package io.clusterstacks.core.image;

import java.util.Objects;

/**
 * What a strategy costs compared with a pre-built image; shown in the plan.
 *
 * @param kind what sort of cost
 * @param text the cost in words
 */
public record TradeOff(Kind kind, String text) {

  /** What sort of cost. */
  public enum Kind {
    /** Extra work (downloads, installs) at every boot, i.e. slower node start and scale-out. */
    BOOT_WORK,
    /** Machines are less immutable: what runs depends on repositories at boot time. */
    IMMUTABILITY,
    /** A download is not verified against a checksum. */
    VERIFICATION,
    /** The cluster stack's addons are not installed by the stack operator (raw CAPI mode). */
    ADDONS
  }

  /**
   * Checks presence.
   *
   * @param kind the kind
   * @param text the text
   */
  public TradeOff {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return kind + ": " + text;
  }
}
