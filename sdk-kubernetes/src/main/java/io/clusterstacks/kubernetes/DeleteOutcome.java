package io.clusterstacks.kubernetes;

/**
 * What a delete did to one object.
 *
 * @param object the object
 * @param verdict deleted, absent, removed by its owner, kept or not attempted
 * @param detail e.g. the Cluster that still uses a kept ClusterStack, or ""
 */
public record DeleteOutcome(ObjectRef object, DeleteVerdict verdict, String detail) {
  /** {@code Kind/ns/name: verdict (detail)}. */
  @Override
  public String toString() {
    return object + ": " + verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
