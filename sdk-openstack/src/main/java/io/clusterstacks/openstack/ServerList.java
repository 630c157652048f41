package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.openstack.internal.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's servers in one detailed list call per page of {@value #PAGE} (Nova's default
 * {@code max_limit}): every server with its status, {@code hostId}, fault and metadata, instead of one
 * call per server. No microversion is needed: status, {@code hostId}, {@code fault} and {@code metadata}
 * are in the 2.1 answer.
 */
final class ServerList {
  /** Servers per page. */
  static final int PAGE = 1000;

  private ServerList() {}

  /**
   * Lists the caller's servers.
   *
   * @param session the session
   * @return the servers' JSON, in Nova's order
   */
  static List<JsonNode> detailed(Session session) {
    List<JsonNode> out = new ArrayList<>();
    String marker = null;
    while (true) {
      Session.Call c = Session.Call.get("compute", "/servers/detail").query("limit", String.valueOf(PAGE));
      if (marker != null) {
        c.query("marker", marker);
      }
      JsonNode servers = session.json(c).path("servers");
      servers.forEach(out::add);
      if (servers.size() < PAGE) {
        return out;
      }
      marker = servers.get(servers.size() - 1).path("id").asText();
    }
  }
}
