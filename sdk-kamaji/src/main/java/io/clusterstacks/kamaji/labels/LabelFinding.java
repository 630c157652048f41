package io.clusterstacks.kamaji.labels;

import io.clusterstacks.core.InvalidInputException;
import java.util.Optional;

/**
 * What labelling found for one node.
 *
 * @param node the node name
 * @param kind what was found
 * @param current the label's value on the node now, if any
 * @param wanted the value it should have ({@code hostId}), if known
 * @param detail one sentence: why, and what to do when the SDK cannot fix it
 */
public record LabelFinding(String node, Kind kind, Optional<String> current, Optional<String> wanted, String detail) {

  /** The kinds of finding. */
  public enum Kind {
    /** The label is right. */
    UNCHANGED,
    /** The node has no label yet; it gets one. */
    NEW,
    /**
     * The label names another hypervisor than the server's {@code hostId} (the VM was live-migrated, or
     * the label was set by hand); it is corrected, and the node's pods may now share a hypervisor.
     */
    STALE,
    /** No {@code hostId} is known for the node (no {@code providerID}, another cloud, or not this project). */
    UNRESOLVED
  }

  /**
   * Checks the parts.
   *
   * @param node the node name
   * @param kind what was found
   * @param current the label now
   * @param wanted the value it should have
   * @param detail why
   */
  public LabelFinding {
    InvalidInputException.requireArgument(node, "node");
    InvalidInputException.requireArgument(kind, "kind");
    InvalidInputException.requireArgument(current, "current");
    InvalidInputException.requireArgument(wanted, "wanted");
    InvalidInputException.requireArgument(detail, "detail");
  }
}
