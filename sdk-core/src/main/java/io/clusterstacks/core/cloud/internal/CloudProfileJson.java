package io.clusterstacks.core.cloud.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.internal.StrictJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the cloud-profile JSON format, collecting every problem with its path.
 *
 * <p>The format is the profile's own shape in camelCase; unknown fields are errors so that typos are
 * not silently ignored.
 */
public final class CloudProfileJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final StrictJson json = new StrictJson();

  private CloudProfileJson() {}

  /**
   * Reads a profile.
   *
   * @param in the JSON
   * @param source where it came from, for errors
   * @return the profile
   */
  public static CloudProfile read(InputStream in, String source) {
    JsonNode root = StrictJson.parse(in, source, StrictJson.Limits.CONFIG);
    return new CloudProfileJson().profile(root);
  }

  /**
   * Writes a profile as indented JSON with a stable field order.
   *
   * @param profile the profile
   * @return the JSON text, ending in a newline
   */
  public static String write(CloudProfile profile) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", profile.name());
    if (!profile.description().isEmpty()) {
      root.put("description", profile.description());
    }
    ObjectNode mv = root.putObject("computeMicroversions");
    mv.put("min", profile.computeMicroversions().min().toString());
    mv.put("max", profile.computeMicroversions().max().toString());
    ArrayNode zones = root.putArray("availabilityZones");
    profile.availabilityZones().forEach(zones::add);
    ObjectNode hv = root.putObject("hypervisors");
    hv.set("total", hostCount(profile.hypervisors().total()));
    if (!profile.hypervisors().byHostClass().isEmpty()) {
      ObjectNode byClass = hv.putObject("byHostClass");
      profile.hypervisors().byHostClass().forEach((k, v) -> byClass.set(k, hostCount(v)));
    }
    if (!profile.hypervisors().byZone().isEmpty()) {
      ObjectNode byZone = hv.putObject("byZone");
      profile.hypervisors().byZone().forEach((k, v) -> byZone.set(k, hostCount(v)));
    }
    Quotas q = profile.quotas();
    ObjectNode qn = root.putObject("quotas");
    qn.set("instances", quota(q.instances()));
    qn.put("instancesInError", q.instancesInError());
    qn.set("cores", quota(q.cores()));
    qn.set("ramMiB", quota(q.ramMiB()));
    qn.set("serverGroups", quota(q.serverGroups()));
    qn.put("serverGroupMembers", q.serverGroupMembers());
    ProviderQuirks pq = profile.quirks();
    ObjectNode qk = root.putObject("quirks");
    pq.restartAfterMaintenanceKey().ifPresent(k -> qk.put("restartAfterMaintenanceKey", k));
    qk.put("restartAfterMaintenanceValue", pq.restartAfterMaintenanceValue());
    ArrayNode ann = qk.putArray("maintenanceAnnouncementKeys");
    pq.maintenanceAnnouncementKeys().forEach(ann::add);
    qk.put("localDiskServersStoppedInMaintenance", pq.localDiskServersStoppedInMaintenance());
    ArrayNode flavors = root.putArray("flavors");
    for (CloudFlavor f : profile.flavors()) {
      ObjectNode fn = flavors.addObject();
      fn.put("name", f.name());
      fn.put("id", f.id());
      fn.put("vcpus", f.vcpus());
      fn.put("ramMiB", f.ramMiB());
      fn.put("diskGB", f.diskGB());
      f.localDiskDeclared().ifPresent(b -> fn.put("localDisk", b));
      fn.put("architecture", f.architecture());
      f.hostClass().ifPresent(c -> fn.put("hostClass", c));
      if (!f.extraSpecs().isEmpty()) {
        ObjectNode es = fn.putObject("extraSpecs");
        f.extraSpecs().forEach(es::put);
      }
    }
    ArrayNode images = root.putArray("images");
    for (CloudImage i : profile.images()) {
      ObjectNode in = images.addObject();
      in.put("name", i.name());
      in.put("id", i.id());
      in.put("minDiskGiB", i.minDiskGiB());
      in.put("minRamMiB", i.minRamMiB());
      if (!i.properties().isEmpty()) {
        ObjectNode ps = in.putObject("properties");
        i.properties().forEach(ps::put);
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new ClusterStacksException("cloud profile " + profile.name() + ": could not be written (" + e.getMessage() + ")", e);
    }
  }

  private static ObjectNode hostCount(HostCount c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("knowledge", c.knowledge().jsonName());
    n.put("count", c.count());
    if (!c.names().isEmpty()) {
      ArrayNode a = n.putArray("names");
      c.names().forEach(a::add);
    }
    return n;
  }

  private static ObjectNode quota(Quota q) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("limit", q.limit());
    n.put("used", q.used());
    return n;
  }

  // ---------------------------------------------------------------- reading

  private CloudProfile profile(JsonNode root) {
    if (!root.isObject()) {
      throw new InvalidInputException(List.of(Problem.of("", kind(root), "the profile is a JSON object")));
    }
    known(root, "", "name", "description", "computeMicroversions", "availabilityZones", "hypervisors",
        "quotas", "quirks", "flavors", "images");
    CloudProfile.Builder b = CloudProfile.builder();
    readText(root, "", "name", true, b::name);
    readText(root, "", "description", false, b::description);
    JsonNode mv = root.get("computeMicroversions");
    if (mv != null && object(mv, "computeMicroversions")) {
      known(mv, "computeMicroversions", "min", "max");
      ComputeMicroversion min = microversion(mv, "computeMicroversions", "min");
      ComputeMicroversion max = microversion(mv, "computeMicroversions", "max");
      if (min != null && max != null) {
        attempt("computeMicroversions", () -> b.computeMicroversions(new MicroversionRange(min, max)));
      }
    }
    JsonNode zones = root.get("availabilityZones");
    if (zones == null) {
      json.problem("availabilityZones", "<missing>", "list the availability zones, e.g. [\"nova\"]");
    } else if (array(zones, "availabilityZones")) {
      eachString(zones, "availabilityZones", "a zone name is a string", b::addAvailabilityZones);
    }
    JsonNode hv = root.get("hypervisors");
    if (hv == null) {
      json.problem("hypervisors", "<missing>",
          "state the hypervisors, e.g. {\"total\": {\"knowledge\": \"exact\", \"count\": 3}}; use knowledge 'unknown' if not known");
    } else if (object(hv, "hypervisors")) {
      Hypervisors h = hypervisors(hv);
      if (h != null) {
        b.hypervisors(h);
      }
    }
    JsonNode q = root.get("quotas");
    if (q != null && object(q, "quotas")) {
      Quotas quotas = quotas(q);
      if (quotas != null) {
        b.quotas(quotas);
      }
    }
    JsonNode qk = root.get("quirks");
    if (qk != null && object(qk, "quirks")) {
      ProviderQuirks quirks = quirks(qk);
      if (quirks != null) {
        b.quirks(quirks);
      }
    }
    JsonNode flavors = root.get("flavors");
    if (flavors == null) {
      json.problem("flavors", "<missing>", "list the flavors (an empty list is allowed)");
    } else if (array(flavors, "flavors")) {
      for (int i = 0; i < flavors.size(); i++) {
        CloudFlavor f = flavor(flavors.get(i), "flavors[" + i + "]");
        if (f != null) {
          b.addFlavors(f);
        }
      }
    }
    JsonNode images = root.get("images");
    if (images != null && array(images, "images")) {
      for (int i = 0; i < images.size(); i++) {
        CloudImage img = image(images.get(i), "images[" + i + "]");
        if (img != null) {
          b.addImages(img);
        }
      }
    }
    json.throwIfAny();
    return b.build();
  }

  private @Nullable Hypervisors hypervisors(JsonNode hv) {
    known(hv, "hypervisors", "total", "byHostClass", "byZone");
    Hypervisors.Builder b = Hypervisors.builder();
    JsonNode total = hv.get("total");
    boolean ok = true;
    if (total == null) {
      json.problem("hypervisors.total", "<missing>",
          "state the hosts of the whole cloud, e.g. {\"knowledge\": \"exact\", \"count\": 3}");
      ok = false;
    } else {
      HostCount c = hostCount(total, "hypervisors.total");
      if (c == null) {
        ok = false;
      } else {
        b.total(c);
      }
    }
    for (String group : List.of("byHostClass", "byZone")) {
      JsonNode m = hv.get(group);
      if (m != null && object(m, "hypervisors." + group)) {
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          HostCount c = hostCount(e.getValue(), "hypervisors." + group + "." + e.getKey());
          if (c == null) {
            ok = false;
          } else if (group.equals("byHostClass")) {
            b.putByHostClass(e.getKey(), c);
          } else {
            b.putByZone(e.getKey(), c);
          }
        }
      }
    }
    return ok ? b.build() : null;
  }

  private @Nullable HostCount hostCount(JsonNode n, String path) {
    if (!object(n, path)) {
      return null;
    }
    known(n, path, "knowledge", "count", "names");
    String k = text(n, path, "knowledge", true);
    HostKnowledge knowledge = null;
    if (k != null) {
      knowledge = Arrays.stream(HostKnowledge.values()).filter(h -> h.jsonName().equals(k)).findFirst().orElse(null);
      if (knowledge == null) {
        json.problem(path + ".knowledge", "'" + k + "'", "use one of exact, lower-bound, declared, unknown");
      }
    }
    Integer count = int32(n, path, "count", knowledge != HostKnowledge.UNKNOWN);
    List<String> names = new ArrayList<>();
    JsonNode ns = n.get("names");
    if (ns != null && array(ns, path + ".names")) {
      eachString(ns, path + ".names", "a host name is a string", names::add);
    }
    if (knowledge == null || (count == null && knowledge != HostKnowledge.UNKNOWN)) {
      return null;
    }
    final HostKnowledge kn = knowledge;
    final int c = count == null ? 0 : count;
    return attempt(path, () -> HostCount.of(kn, c, names));
  }

  private @Nullable Quotas quotas(JsonNode q) {
    known(q, "quotas", "instances", "instancesInError", "cores", "ramMiB", "serverGroups", "serverGroupMembers");
    Quotas.Builder b = Quotas.builder();
    boolean ok = true;
    for (String f : List.of("instances", "cores", "ramMiB", "serverGroups")) {
      JsonNode n = q.get(f);
      if (n == null) {
        continue;
      }
      String path = "quotas." + f;
      if (!object(n, path)) {
        ok = false;
        continue;
      }
      known(n, path, "limit", "used");
      Long limit = integer(n, path, "limit", true);
      Long used = integer(n, path, "used", false);
      if (limit == null) {
        ok = false;
        continue;
      }
      Quota quota = attempt(path, () -> new Quota(limit, used == null ? 0 : used));
      if (quota == null) {
        ok = false;
        continue;
      }
      switch (f) {
        case "instances" -> b.instances(quota);
        case "cores" -> b.cores(quota);
        case "ramMiB" -> b.ramMiB(quota);
        default -> b.serverGroups(quota);
      }
    }
    readLong(q, "quotas", "serverGroupMembers", false, b::serverGroupMembers);
    readLong(q, "quotas", "instancesInError", false, b::instancesInError);
    return ok ? attempt("quotas", b::build) : null;
  }

  private @Nullable ProviderQuirks quirks(JsonNode n) {
    known(n, "quirks", "restartAfterMaintenanceKey", "restartAfterMaintenanceValue",
        "maintenanceAnnouncementKeys", "localDiskServersStoppedInMaintenance");
    ProviderQuirks.Builder b = ProviderQuirks.builder();
    readText(n, "quirks", "restartAfterMaintenanceKey", false, b::restartAfterMaintenanceKey);
    readText(n, "quirks", "restartAfterMaintenanceValue", false, b::restartAfterMaintenanceValue);
    JsonNode keys = n.get("maintenanceAnnouncementKeys");
    if (keys != null && array(keys, "quirks.maintenanceAnnouncementKeys")) {
      eachString(keys, "quirks.maintenanceAnnouncementKeys", "a metadata key is a string",
          b::addMaintenanceAnnouncementKeys);
    }
    readBool(n, "quirks", "localDiskServersStoppedInMaintenance", b::localDiskServersStoppedInMaintenance);
    return attempt("quirks", b::build);
  }

  private @Nullable CloudFlavor flavor(JsonNode n, String path) {
    if (!object(n, path)) {
      return null;
    }
    known(n, path, "name", "id", "vcpus", "ramMiB", "diskGB", "localDisk", "architecture", "hostClass", "extraSpecs");
    CloudFlavor.Builder b = CloudFlavor.builder();
    int before = json.problemCount();
    readText(n, path, "name", true, b::name);
    readText(n, path, "id", false, b::id);
    readInt(n, path, "vcpus", true, b::vcpus);
    readInt(n, path, "ramMiB", true, b::ramMiB);
    readInt(n, path, "diskGB", false, b::diskGB);
    readBool(n, path, "localDisk", b::localDiskDeclared);
    readText(n, path, "architecture", false, b::architecture);
    readText(n, path, "hostClass", false, b::hostClass);
    readStringMap(n, path, "extraSpecs", "extra_specs values are strings (Nova stores them as text)", b::putExtraSpecs);
    if (json.problemCount() > before) {
      return null;
    }
    return attempt(path, b::build);
  }

  private @Nullable CloudImage image(JsonNode n, String path) {
    if (!object(n, path)) {
      return null;
    }
    known(n, path, "name", "id", "minDiskGiB", "minRamMiB", "properties");
    CloudImage.Builder b = CloudImage.builder();
    int before = json.problemCount();
    readText(n, path, "name", true, b::name);
    readText(n, path, "id", false, b::id);
    readInt(n, path, "minDiskGiB", false, b::minDiskGiB);
    readInt(n, path, "minRamMiB", false, b::minRamMiB);
    readStringMap(n, path, "properties", "image properties are strings, numbers or booleans", b::putProperties);
    if (json.problemCount() > before) {
      return null;
    }
    return attempt(path, b::build);
  }

  // ---------------------------------------------------------------- helpers

  private <T> @Nullable T attempt(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidInputException e) {
      json.problems(path, e);
      return null;
    } catch (ClusterStacksException e) {
      json.problem(path, "an invalid value", e.getMessage());
      return null;
    }
  }

  private void attempt(String path, Runnable r) {
    attempt(path, () -> {
      r.run();
      return Boolean.TRUE;
    });
  }

  private void known(JsonNode n, String path, String... fields) {
    json.known(n, path, fields);
  }

  private boolean object(JsonNode n, String path) {
    return json.object(n, path);
  }

  private boolean array(JsonNode n, String path) {
    return json.array(n, path);
  }

  private void readText(JsonNode parent, String path, String field, boolean required, Consumer<String> set) {
    String v = json.text(parent, path, field, required);
    if (v != null) {
      set.accept(v);
    }
  }

  /** Reads an integer that lands in an {@code int}: beyond its range is a problem, never truncated. */
  private void readInt(JsonNode parent, String path, String field, boolean required, IntConsumer set) {
    Long v = json.integer(parent, path, field, required, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (v != null) {
      set.accept(Math.toIntExact(v));
    }
  }

  private void readLong(JsonNode parent, String path, String field, boolean required, LongConsumer set) {
    Long v = integer(parent, path, field, required);
    if (v != null) {
      set.accept(v);
    }
  }

  private void readBool(JsonNode parent, String path, String field, Consumer<Boolean> set) {
    Boolean v = json.bool(parent, path, field);
    if (v != null) {
      set.accept(v);
    }
  }

  private void readStringMap(JsonNode parent, String path, String field, String fix, BiConsumer<String, String> put) {
    json.stringMap(parent, path, field, fix, put);
  }

  private void eachString(JsonNode array, String path, String fix, Consumer<String> add) {
    json.eachString(array, path, fix, add);
  }

  private @Nullable String text(JsonNode parent, String path, String field, boolean required) {
    return json.text(parent, path, field, required);
  }

  private @Nullable Long integer(JsonNode parent, String path, String field, boolean required) {
    return json.integer(parent, path, field, required, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private @Nullable Integer int32(JsonNode parent, String path, String field, boolean required) {
    Long v = json.integer(parent, path, field, required, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return v == null ? null : Math.toIntExact(v);
  }

  private @Nullable ComputeMicroversion microversion(JsonNode parent, String path, String field) {
    String t = text(parent, path, field, true);
    if (t == null) {
      return null;
    }
    try {
      return ComputeMicroversion.parse(t);
    } catch (ClusterStacksException e) {
      json.problem(StrictJson.join(path, field), "'" + t + "'", "write MAJOR.MINOR such as 2.64");
      return null;
    }
  }

  private static String kind(JsonNode n) {
    return StrictJson.kind(n);
  }
}
