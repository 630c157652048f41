package io.clusterstacks.lifecycle.respond;

import io.clusterstacks.core.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the responder knew and did at its previous pass, handed to the next {@link ResponsePlanner#plan}: with it
 * a withdrawn announcement (the key gone) or a moved one (its value changed) is recognised, and the nodes the
 * responder cordoned are uncordoned when the maintenance is withdrawn, moved beyond the lead time or over.
 * Keep it between passes (in memory, or in a ConfigMap of your own).
 *
 * @param entries one per announcement seen, in plan order
 */
public record ResponseState(List<Entry> entries) {
  /** No previous pass. */
  public static final ResponseState EMPTY = new ResponseState(List.of());

  /**
   * Copies.
   *
   * @param entries the entries
   */
  public ResponseState {
    entries = List.copyOf(InvalidInputException.requireArgument(entries, "entries"));
  }

  /**
   * The entry for a server's announcement key.
   *
   * @param serverId the server
   * @param key the announcement key
   * @return the entry, if the previous pass saw it
   */
  public Optional<Entry> entry(String serverId, String key) {
    return entries.stream().filter(e -> e.serverId().equals(serverId) && e.key().equals(key)).findFirst();
  }

  /**
   * One announcement as the previous pass saw it and what it did about it.
   *
   * @param serverId the server
   * @param serverName its name
   * @param nodeName its Node's name, {@code ""} when unknown
   * @param key the announcement key, e.g. {@code ps_scheduled_downtime}
   * @param value the key's value then
   * @param action what was decided ({@link ResponsePlan.Action#NONE} while pending)
   * @param cordoned whether the responder cordoned the node (so it uncordons it again)
   */
  public record Entry(String serverId, String serverName, String nodeName, String key, String value, ResponsePlan.Action action,
      boolean cordoned) {
    /**
     * Checks.
     *
     * @param serverId the server
     * @param serverName the name
     * @param nodeName the node
     * @param key the key
     * @param value the value
     * @param action the action
     * @param cordoned whether it was cordoned
     */
    public Entry {
      Objects.requireNonNull(serverId, "serverId");
      Objects.requireNonNull(serverName, "serverName");
      Objects.requireNonNull(nodeName, "nodeName");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(action, "action");
    }
  }
}
