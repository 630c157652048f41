package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a strategy costs compared with a pre-built image; shown in the plan.
 */
@Value.Immutable
@SdkStyle
public abstract class TradeOff {

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

  TradeOff() {}

  /**
   * What sort of cost.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The cost in words.
   *
   * @return e.g. {@code every boot downloads and installs the Kubernetes packages}
   */
  public abstract String text();

  /**
   * A trade-off.
   *
   * @param kind what sort of cost
   * @param text the cost in words
   * @return the trade-off
   */
  public static TradeOff of(Kind kind, String text) {
    return builder().kind(kind).text(text).build();
  }

  /**
   * A trade-off built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the trade-off
   */
  public static TradeOff of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this trade-off's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return kind() + ": " + text();
  }

  /** Builds a {@link TradeOff}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableTradeOff.Builder {
    Builder() {}
  }
}
