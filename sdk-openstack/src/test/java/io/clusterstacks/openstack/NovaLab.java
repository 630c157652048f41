package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.openstack.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test set-up on the lab's real Nova: compute services, servers, groups (raw calls, admin or member). */
final class NovaLab {
  final OpenStackClient admin;
  final OpenStackClient member;
  final String imageId;
  final String flavorId;

  NovaLab(OpenStackClient admin, OpenStackClient member) {
    this.admin = admin;
    this.member = member;
    // The seed's boot image, by name as the seed's own smoke boot takes it: its min_ram (512) fits the
    // smallest flavor below, while the seeded ubuntu-capi-image (min_ram 2048) does not, and Glance lists
    // the two, created in the same second, in an order that changes from one seeding to the next.
    String image = null;
    for (JsonNode i : Lab.get(member, "image", "/v2/images?status=active&name=lab-tiny", null).path("images")) {
      image = i.path("id").asText();
    }
    if (image == null) {
      throw new AssertionError("the lab has no active image 'lab-tiny'; lab/openstack/ensure seeds it");
    }
    this.imageId = image;
    String flavor = null;
    int best = Integer.MAX_VALUE;
    for (JsonNode f : Lab.get(member, "compute", "/flavors/detail", "2.61").path("flavors")) {
      int disk = f.path("disk").asInt();
      int score = f.path("vcpus").asInt() * 100_000 + f.path("ram").asInt() + disk;
      if (disk > 0 && score < best) {
        best = score;
        flavor = f.path("id").asText();
      }
    }
    if (flavor == null) {
      throw new AssertionError("the lab has no flavor with a root disk; lab/openstack/ensure seeds SCS-2V-4-20s");
    }
    this.flavorId = flavor;
  }

  /** Compute hosts, sorted, with their service IDs. */
  Map<String, String> computeServices() {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode s : Lab.get(admin, "compute", "/os-services?binary=nova-compute", "2.53").path("services")) {
      out.put(s.path("host").asText(), s.path("id").asText());
    }
    return out;
  }

  /** Enables the first {@code hosts} compute services (by host name) and disables the others. */
  List<String> useHosts(int hosts) {
    Map<String, String> all = computeServices();
    if (all.size() < hosts) {
      throw new AssertionError("the lab has " + all.size() + " compute hosts, the test needs " + hosts);
    }
    List<String> used = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> e : all.entrySet()) {
      boolean on = i++ < hosts;
      ObjectNode body = Json.object().put("status", on ? "enabled" : "disabled");
      if (!on) {
        body.put("disabled_reason", "clusterstacks placement test");
      }
      Lab.call(admin, "PUT", "compute", "/os-services/" + e.getValue(), "2.53", body);
      if (on) {
        used.add(e.getKey());
      }
    }
    return used;
  }

  String createGroup(String name, String policy, Integer maxPerHost) {
    ObjectNode body = Json.object();
    ObjectNode g = body.putObject("server_group").put("name", name).put("policy", policy);
    if (maxPerHost != null) {
      g.putObject("rules").put("max_server_per_host", maxPerHost);
    }
    return Lab.call(member, "POST", "compute", "/os-server-groups", "2.64", body).path("server_group").path("id").asText();
  }

  void deleteGroup(String id) {
    Lab.call(member, "DELETE", "compute", "/os-server-groups/" + id, null, null);
  }

  /** Boots one server into a group and waits until it is ACTIVE or ERROR; returns its ID. */
  String boot(String name, String groupId) {
    ObjectNode body = Json.object();
    body.putObject("server").put("name", name).put("imageRef", imageId).put("flavorRef", flavorId).put("networks", "none");
    body.putObject("os:scheduler_hints").put("group", groupId);
    String id = Lab.call(member, "POST", "compute", "/servers", "2.37", body).path("server").path("id").asText();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      String status = status(id);
      if (status.equals("ACTIVE") || status.equals("ERROR")) {
        return id;
      }
      sleep(250);
    }
    throw new AssertionError("server " + id + " neither ACTIVE nor ERROR after 120 s");
  }

  /**
   * Boots {@code count} servers in one multi-create request (min_count = max_count) and waits until each is
   * ACTIVE or ERROR; returns their IDs.
   */
  List<String> bootMany(String name, int count, ObjectNode metadata) {
    ObjectNode body = Json.object();
    ObjectNode server = body.putObject("server").put("name", name).put("imageRef", imageId).put("flavorRef", flavorId)
        .put("networks", "none").put("min_count", count).put("max_count", count).put("return_reservation_id", true);
    if (metadata != null) {
      server.set("metadata", metadata);
    }
    String reservation = Lab.call(member, "POST", "compute", "/servers", "2.37", body).path("reservation_id").asText();
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (true) {
      JsonNode servers = Lab.get(member, "compute", "/servers/detail?reservation_id=" + reservation, null).path("servers");
      List<String> ids = new ArrayList<>();
      int settled = 0;
      for (JsonNode s : servers) {
        ids.add(s.path("id").asText());
        String st = s.path("status").asText();
        settled += st.equals("ACTIVE") || st.equals("ERROR") ? 1 : 0;
      }
      if (ids.size() == count && settled == count) {
        return ids;
      }
      if (System.nanoTime() > deadline) {
        deleteServers(ids);
        throw new AssertionError(count + " servers of reservation " + reservation + " not all ACTIVE/ERROR after 600 s ("
            + ids.size() + " listed, " + settled + " settled)");
      }
      sleep(1000);
    }
  }

  String status(String id) {
    return Lab.get(member, "compute", "/servers/" + id, null).path("server").path("status").asText();
  }

  /** The real host of a server (admin), empty for one never scheduled. */
  String host(String id) {
    return Lab.get(admin, "compute", "/servers/" + id, null).path("server").path("OS-EXT-SRV-ATTR:host").asText("");
  }

  String fault(String id) {
    return Lab.get(member, "compute", "/servers/" + id, null).path("server").path("fault").path("message").asText("");
  }

  void deleteServers(List<String> ids) {
    for (String id : ids) {
      try {
        Lab.call(member, "DELETE", "compute", "/servers/" + id, null, null);
      } catch (OpenStackApiException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
    }
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (String id : ids) {
      while (true) {
        try {
          Lab.get(member, "compute", "/servers/" + id, null);
        } catch (OpenStackApiException e) {
          if (e.status() == 404) {
            break;
          }
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("server " + id + " not gone after 120 s");
        }
        sleep(200);
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
