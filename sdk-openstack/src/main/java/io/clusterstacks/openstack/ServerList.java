package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.openstack.internal.Session;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
    return detailed(session, null);
  }

  /**
   * Lists the caller's servers at a compute microversion.
   *
   * @param session the session
   * @param microversion the microversion, or null for the cloud's default (2.1)
   * @return the servers' JSON, in Nova's order
   */
  static List<JsonNode> detailed(Session session, @Nullable ComputeMicroversion microversion) {
    List<JsonNode> out = new ArrayList<>();
    String marker = null;
    while (true) {
      Session.Call c = Session.Call.get("compute", "/servers/detail").query("limit", String.valueOf(PAGE))
          .microversion(microversion);
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

  /** The first microversion whose server answers embed the flavor (name and extra_specs). */
  static final ComputeMicroversion EMBEDDED_FLAVOR = new ComputeMicroversion(2, 47);

  /**
   * The caller's servers as {@link ServerDetails}.
   *
   * @param client the client
   * @return the servers, in Nova's order
   */
  static List<ServerDetails> details(OpenStackClient client) {
    Session session = client.session();
    boolean embedded = client.computeMicroversions().supports(EMBEDDED_FLAVOR);
    Map<String, String> flavorNames = new HashMap<>();
    List<ServerDetails> out = new ArrayList<>();
    for (JsonNode s : detailed(session, embedded ? EMBEDDED_FLAVOR : null)) {
      String id = s.path("id").asText();
      String status = s.path("status").asText("");
      JsonNode flavor = s.path("flavor");
      Map<String, String> specs = new TreeMap<>();
      String flavorName;
      if (embedded) {
        flavorName = flavor.path("original_name").asText("");
        flavor.path("extra_specs").fields().forEachRemaining(e -> specs.put(e.getKey(), e.getValue().asText()));
      } else {
        String flavorId = flavor.path("id").asText("");
        flavorName = flavorNames.computeIfAbsent(flavorId, f -> flavorName(session, f));
      }
      String fault = s.path("fault").path("message").asText("");
      if (status.equals("ERROR") && fault.isEmpty()) {
        // the list leaves out the fault of a server that Nova buried in cell0 (NoValidHost, seen on Zed)
        fault = session.json(Session.Call.get("compute", "/servers/" + id)).path("server").path("fault").path("message").asText("");
      }
      Map<String, String> metadata = new TreeMap<>();
      s.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
      out.add(new ServerDetails(id, s.path("name").asText(""), status, s.path("hostId").asText(""), flavorName,
          new TreeMap<>(specs), new TreeMap<>(metadata), status.equals("ERROR") ? fault : ""));
    }
    return out;
  }

  private static String flavorName(Session session, String flavorId) {
    if (flavorId.isEmpty()) {
      return "";
    }
    try {
      return session.json(Session.Call.get("compute", "/flavors/" + flavorId)).path("flavor").path("name").asText(flavorId);
    } catch (OpenStackApiException e) {
      if (e.status() == 404) {
        return flavorId; // a deleted (or private, not shared) flavor: its ID is all that is left
      }
      throw e;
    }
  }
}
