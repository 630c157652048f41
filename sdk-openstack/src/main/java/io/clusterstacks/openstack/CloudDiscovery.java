package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.openstack.internal.Json;
import io.clusterstacks.openstack.internal.ProviderQuirksCatalog;
import io.clusterstacks.openstack.internal.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what the planner needs from a cloud into sdk-core's {@link CloudProfile}, in a fixed number
 * of calls.
 *
 * <p>The calls (each counted in {@link OpenStackClient#calls()}): the compute version document; one
 * flavor list with every flavor's extra_specs (compute 2.61+, one call per 1000 flavors); the image
 * list, all pages of 1000; availability zones; absolute limits (quotas and usage); the project's
 * servers (for the hostId lower bound and the servers in ERROR); with admin rights also the
 * hypervisors (2.88 where offered) and the compute services (for zones, enabled and up). Nine calls
 * plus the login for a cloud with up to 1000 flavors, images and servers.
 *
 * <p>Hypervisors: with admin rights the count is exact, per zone, counting only compute services that
 * are enabled and up. Without, it is a lower bound: the number of distinct {@code hostId}s of the
 * project's servers (Nova hashes project and host into it), per zone by the servers' zone, or unknown
 * when the project has no scheduled server. {@link Discovered#notes()} says which.
 */
public final class CloudDiscovery {
  private static final ComputeMicroversion EXTRA_SPECS_IN_LIST = new ComputeMicroversion(2, 61);
  private static final ComputeMicroversion HYPERVISORS_2_88 = new ComputeMicroversion(2, 88);
  private static final ComputeMicroversion HYPERVISORS_2_53 = new ComputeMicroversion(2, 53);
  private static final int PAGE = 1000;

  private final OpenStackClient client;
  private final Session session;

  CloudDiscovery(OpenStackClient client) {
    this.client = client;
    this.session = client.session();
  }

  /**
   * What discovery found: the profile, and notes on how each part was learned.
   *
   * @param profile the cloud profile, ready for the planner
   * @param notes one sentence per fact that is a bound, an estimate or a fallback
   * @param calls the HTTP calls discovery made
   */
  public record Discovered(CloudProfile profile, List<String> notes, List<HttpCall> calls) {
    /**
     * Copies the lists.
     *
     * @param profile the profile
     * @param notes the notes
     * @param calls the calls
     */
    public Discovered {
      notes = List.copyOf(notes);
      calls = List.copyOf(calls);
    }

    /**
     * The profile as sdk-core's profile JSON, to plan offline later.
     *
     * @return the JSON text
     */
    public String toJson() {
      return CloudProfiles.toJson(profile);
    }
  }

  /**
   * Discovers the cloud.
   *
   * @param profileName the name the profile gets, e.g. the clouds.yaml name
   * @return the profile with notes
   * @throws OpenStackApiException when a call the discovery cannot do without fails
   */
  public Discovered discover(String profileName) {
    InvalidInputException.requireArgument(profileName, "profileName");
    long mark = client.calls().total();
    List<String> notes = new ArrayList<>();
    MicroversionRange versions = client.computeMicroversions();
    List<CloudFlavor> flavors = flavors(versions, notes);
    List<CloudImage> images = images();
    List<String> zones = zones();
    JsonNode limits = session.json(Session.Call.get("compute", "/limits")).path("limits").path("absolute");
    List<JsonNode> servers = servers();
    Hypervisors hypervisors = hypervisors(versions, zones, servers, notes);
    long inError = servers.stream().filter(s -> s.path("status").asText().equals("ERROR")).count();
    Quotas quotas = quotas(limits, inError);
    ProviderQuirks quirks = ProviderQuirksCatalog.forCloud(client.config(), notes);
    CloudProfile profile = CloudProfile.builder()
        .name(profileName)
        .description("discovered from " + client.config().authUrl() + " (project " + client.identity().projectName() + ")")
        .addAllFlavors(flavors)
        .addAllImages(images)
        .addAllAvailabilityZones(zones)
        .hypervisors(hypervisors)
        .quotas(quotas)
        .computeMicroversions(versions)
        .quirks(quirks)
        .build();
    return new Discovered(profile, notes, client.calls().since(mark));
  }

  private List<CloudFlavor> flavors(MicroversionRange versions, List<String> notes) {
    boolean embedded = versions.max().atLeast(EXTRA_SPECS_IN_LIST);
    List<JsonNode> raw = pages(Session.Call.get("compute", "/flavors/detail").query("is_public", "None")
        .microversion(embedded ? EXTRA_SPECS_IN_LIST : null), "flavors", "flavors_links");
    if (!embedded) {
      notes.add("compute " + versions.max() + " predates 2.61: extra_specs read with one call per flavor");
    }
    List<CloudFlavor> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode f : raw) {
      if (f.path("OS-FLV-DISABLED:disabled").asBoolean(false)) {
        continue;
      }
      String name = f.path("name").asText();
      if (!names.add(name)) {
        notes.add("flavor name " + name + " appears twice; the profile keeps the first (ID " + f.path("id").asText() + " left out)");
        continue;
      }
      Map<String, String> specs = new TreeMap<>();
      JsonNode es = embedded ? f.path("extra_specs")
          : session.json(Session.Call.get("compute", "/flavors/" + f.path("id").asText() + "/os-extra_specs")).path("extra_specs");
      es.properties().forEach(e -> specs.put(e.getKey(), e.getValue().asText()));
      out.add(CloudFlavor.builder()
          .name(name)
          .id(f.path("id").asText())
          .vcpus(f.path("vcpus").asInt())
          .ramMiB(f.path("ram").asInt())
          .diskGB(f.path("disk").asInt())
          .putAllExtraSpecs(specs)
          .build());
    }
    return out;
  }

  private List<CloudImage> images() {
    List<CloudImage> out = new ArrayList<>();
    Session.Call c = Session.Call.get("image", "/v2/images").query("limit", String.valueOf(PAGE)).query("status", "active");
    Set<String> seen = new java.util.HashSet<>();
    while (true) {
      JsonNode page = session.json(c);
      for (JsonNode i : page.path("images")) {
        if (!seen.add(i.path("id").asText())) {
          continue;
        }
        Map<String, String> props = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = i.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getValue().isValueNode() && !e.getValue().isNull() && !CORE_IMAGE_FIELDS.contains(e.getKey())) {
            props.put(e.getKey(), e.getValue().asText());
          }
        }
        String name = i.path("name").asText("");
        out.add(CloudImage.builder()
            .name(name.isEmpty() ? i.path("id").asText() : name)
            .id(i.path("id").asText())
            .minDiskGiB(i.path("min_disk").asInt(0))
            .minRamMiB(i.path("min_ram").asInt(0))
            .putAllProperties(props)
            .build());
      }
      String next = page.path("next").asText("");
      if (next.isEmpty()) {
        return out;
      }
      c = Session.Call.get("image", "/v2/images").absolute(session.endpoint("image") + next);
    }
  }

  private static final Set<String> CORE_IMAGE_FIELDS = Set.of("id", "name", "status", "min_disk", "min_ram", "checksum",
      "created_at", "updated_at", "file", "schema", "self", "size", "virtual_size", "owner", "protected", "os_hash_algo",
      "os_hash_value", "direct_url", "locations", "tags");

  private List<String> zones() {
    // The SDK's own call, not openstack4j's: openstack4j's connector cannot take a custom CA on Java 9+.
    JsonNode zs = session.json(Session.Call.get("compute", "/os-availability-zone")).path("availabilityZoneInfo");
    List<String> out = new ArrayList<>();
    for (JsonNode z : zs) {
      String name = z.path("zoneName").asText("");
      boolean available = !z.path("zoneState").has("available") || z.path("zoneState").path("available").asBoolean();
      if (available && !name.isEmpty() && !out.contains(name) && !"internal".equals(name)) {
        out.add(name);
      }
    }
    java.util.Collections.sort(out);
    return out;
  }

  private List<JsonNode> servers() {
    return pages(Session.Call.get("compute", "/servers/detail"), "servers", "servers_links");
  }

  private Hypervisors hypervisors(MicroversionRange versions, List<String> zones, List<JsonNode> servers, List<String> notes) {
    if (client.identity().isAdmin()) {
      try {
        return exactHypervisors(versions, zones, notes);
      } catch (OpenStackApiException e) {
        if (e.status() != 403) {
          throw e;
        }
        notes.add("the admin role did not suffice to list hypervisors (403); falling back to the hostId lower bound");
      }
    }
    Map<String, Set<String>> byZone = new TreeMap<>();
    Set<String> all = new TreeSet<>();
    for (JsonNode s : servers) {
      String host = s.path("hostId").asText("");
      if (host.isEmpty()) {
        continue;
      }
      all.add(host);
      String z = s.path("OS-EXT-AZ:availability_zone").asText("");
      if (zones.contains(z)) {
        byZone.computeIfAbsent(z, k -> new TreeSet<>()).add(host);
      }
    }
    var b = Hypervisors.builder().total(all.isEmpty() ? HostCount.unknown() : HostCount.lowerBound(all.size()));
    if (zones.size() > 1) {
      byZone.forEach((z, hosts) -> b.putByZone(z, HostCount.lowerBound(hosts.size())));
    }
    notes.add(all.isEmpty()
        ? "hypervisors: unknown (no admin rights to list them, and the project has no scheduled server whose hostId would bound them)"
        : "hypervisors: at least " + all.size() + " (lower bound: distinct hostIds of the project's " + servers.size()
            + " servers; listing hypervisors needs the admin role)");
    return b.build();
  }

  private Hypervisors exactHypervisors(MicroversionRange versions, List<String> zones, List<String> notes) {
    ComputeMicroversion mv = versions.max().atLeast(HYPERVISORS_2_88) ? HYPERVISORS_2_88
        : versions.max().atLeast(HYPERVISORS_2_53) ? HYPERVISORS_2_53 : null;
    List<JsonNode> hvs = pages(Session.Call.get("compute", "/os-hypervisors/detail").microversion(mv),
        "hypervisors", "hypervisors_links");
    JsonNode services = session.json(Session.Call.get("compute", "/os-services").query("binary", "nova-compute")
        .microversion(mv)).path("services");
    Map<String, String> zoneOfHost = new LinkedHashMap<>();
    Set<String> usableHosts = new TreeSet<>();
    int skipped = 0;
    for (JsonNode s : services) {
      String host = s.path("host").asText();
      zoneOfHost.put(host, s.path("zone").asText(""));
      if (s.path("status").asText().equals("enabled") && s.path("state").asText().equals("up")) {
        usableHosts.add(host);
      }
    }
    List<String> names = new ArrayList<>();
    Map<String, List<String>> byZone = new TreeMap<>();
    for (JsonNode h : hvs) {
      String host = h.path("service").path("host").asText(h.path("hypervisor_hostname").asText());
      boolean up = h.path("state").asText("up").equals("up") && h.path("status").asText("enabled").equals("enabled");
      if (!up || !usableHosts.contains(host)) {
        skipped++;
        continue;
      }
      String name = h.path("hypervisor_hostname").asText(host);
      if (names.contains(name)) {
        continue;
      }
      names.add(name);
      String z = zoneOfHost.getOrDefault(host, "");
      if (zones.contains(z)) {
        byZone.computeIfAbsent(z, k -> new ArrayList<>()).add(name);
      }
    }
    if (skipped > 0) {
      notes.add("hypervisors: " + skipped + " not counted (compute service disabled or down)");
    }
    var b = Hypervisors.builder().total(names.isEmpty() ? HostCount.unknown() : HostCount.exact(names.toArray(String[]::new)));
    if (zones.size() > 1) {
      byZone.forEach((z, ns) -> b.putByZone(z, HostCount.exact(ns.toArray(String[]::new))));
    }
    return b.build();
  }

  private static Quotas quotas(JsonNode a, long inError) {
    long instancesUsed = a.path("totalInstancesUsed").asLong(0);
    return Quotas.builder()
        .instances(new Quota(a.path("maxTotalInstances").asLong(10), instancesUsed))
        .cores(new Quota(a.path("maxTotalCores").asLong(20), a.path("totalCoresUsed").asLong(0)))
        .ramMiB(new Quota(a.path("maxTotalRAMSize").asLong(51200), a.path("totalRAMUsed").asLong(0)))
        .serverGroups(new Quota(a.path("maxServerGroups").asLong(10), a.path("totalServerGroupsUsed").asLong(0)))
        .serverGroupMembers(a.path("maxServerGroupMembers").asLong(10) == 0 ? 10 : a.path("maxServerGroupMembers").asLong(10))
        .instancesInError(Math.min(inError, instancesUsed))
        .build();
  }

  private List<JsonNode> pages(Session.Call first, String key, String linksKey) {
    List<JsonNode> out = new ArrayList<>();
    Session.Call c = first.query("limit", String.valueOf(PAGE));
    while (true) {
      JsonNode page = session.json(c);
      page.path(key).forEach(out::add);
      String next = null;
      for (JsonNode l : page.path(linksKey)) {
        if (l.path("rel").asText().equals("next")) {
          next = l.path("href").asText();
        }
      }
      if (next == null || page.path(key).size() == 0) {
        return out;
      }
      okhttp3.HttpUrl nextUrl = okhttp3.HttpUrl.parse(next);
      okhttp3.HttpUrl endpoint = okhttp3.HttpUrl.parse(session.endpoint(first.service()));
      if (nextUrl == null || endpoint == null) {
        return out;
      }
      // Nova's next links may name a host the client cannot reach (the API's own idea of its URL):
      // keep the endpoint's scheme, host and port and take only path and query from the link.
      okhttp3.HttpUrl fixed = nextUrl.newBuilder().scheme(endpoint.scheme()).host(endpoint.host()).port(endpoint.port()).build();
      c = Session.Call.get(first.service(), first.path()).microversion(first.microversion()).absolute(fixed.toString());
    }
  }
}
