package io.clusterstacks.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * A server-side apply met fields that another field manager owns (HTTP 409).
 *
 * <p>{@link #conflicts()} names each field and its manager. Apply again with
 * {@link ApplyOptions#force()} to take the fields over, or leave them to their manager and drop them from
 * the plan.
 */
public class ApplyConflictException extends KubernetesApiException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldConflict> conflicts;

  /**
   * One field another manager owns.
   *
   * @param field the field path, e.g. {@code .spec.channel}
   * @param manager the manager that owns it, e.g. {@code kubectl}, or "" when the server did not say
   * @param message the server's text
   */
  public record FieldConflict(String field, String manager, String message) {
    /** {@code field (owned by manager)}. */
    @Override
    public String toString() {
      return field + " (owned by " + (manager.isEmpty() ? "?" : manager) + ")";
    }
  }

  /**
   * Creates the exception.
   *
   * @param message a summary naming the object and every conflict
   * @param causes the server's causes
   * @param conflicts the conflicts, one per field
   * @param object the object applied
   * @param cause the client failure
   */
  public ApplyConflictException(String message, List<Cause> causes, List<FieldConflict> conflicts,
      ObjectRef object, Throwable cause) {
    super(message, 409, "Conflict", causes, Optional.of(object), cause);
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * Every conflicting field with its manager.
   *
   * @return the conflicts, at least one
   */
  public List<FieldConflict> conflicts() {
    return conflicts;
  }
}
