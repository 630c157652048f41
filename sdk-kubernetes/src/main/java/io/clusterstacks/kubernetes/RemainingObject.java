package io.clusterstacks.kubernetes;

import java.util.List;

/**
 * An object still there when a delete timed out.
 *
 * @param object the object
 * @param deleting whether it has a deletionTimestamp (deleted, held by its finalizers)
 * @param finalizers its finalizers, e.g. {@code cluster.cluster.x-k8s.io}
 */
public record RemainingObject(ObjectRef object, boolean deleting, List<String> finalizers) {
  /**
   * Copies the finalizers.
   *
   * @param object the object
   * @param deleting whether deletion started
   * @param finalizers its finalizers
   */
  public RemainingObject {
    finalizers = List.copyOf(finalizers);
  }

  /** {@code Kind/ns/name (deleting, finalizers [..])}. */
  @Override
  public String toString() {
    return object + (deleting ? " (deleting, finalizers " + finalizers + ")" : " (not deleted yet)");
  }
}
