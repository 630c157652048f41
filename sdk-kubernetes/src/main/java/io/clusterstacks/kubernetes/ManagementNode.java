package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the management cluster as the SDK reads it: its name, the {@code spec.providerID} the cloud
 * provider set (for OpenStack {@code openstack:///<server id>}), its labels and whether it takes new pods.
 *
 * @param name the node name
 * @param providerId {@code spec.providerID}, or empty while the cloud controller has not set it
 * @param labels the node's labels
 * @param schedulable false when the node is cordoned ({@code spec.unschedulable})
 */
public record ManagementNode(String name, Optional<String> providerId, Map<String, String> labels, boolean schedulable) {

  /**
   * Checks and copies the parts.
   *
   * @param name the node name
   * @param providerId the provider ID, or empty
   * @param labels the labels
   * @param schedulable whether new pods may go there
   */
  public ManagementNode {
    InvalidInputException.requireArgument(name, "name");
    InvalidInputException.requireArgument(providerId, "providerId");
    labels = Map.copyOf(InvalidInputException.requireArgument(labels, "labels"));
  }
}
