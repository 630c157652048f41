package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.ClusterStacksException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled CRD schemas, loaded once per process on first use (lazy holder idiom).
 *
 * <p>The build copies the upstream CRDs without descriptions to
 * {@code io/clusterstacks/core/validation/crds/} with an {@code index.txt}; this class reads them,
 * compiles the schema of every version, and indexes them by {@code group/kind}. The JVM's class
 * initialisation makes the load thread-safe and happen exactly once.
 */
public final class CrdCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(CrdCatalog.class);
  private static final String BASE = "/io/clusterstacks/core/validation/crds/";
  private static final String BUILT_IN = "/io/clusterstacks/core/validation/builtin/";
  private static final AtomicInteger LOADS = new AtomicInteger();

  /** One version of one CRD. */
  public record CrdVersion(
      String group, String kind, String version, boolean served, boolean namespaced, SchemaNode schema) {}

  /** All versions of one kind. */
  public record CrdKind(
      String group, String kind, boolean namespaced, boolean builtIn, Map<String, CrdVersion> versions) {

    /**
     * The served version names, sorted.
     *
     * @return the served versions
     */
    public List<String> servedVersions() {
      List<String> out = new ArrayList<>();
      new TreeMap<>(versions).forEach((k, v) -> {
        if (v.served()) {
          out.add(k);
        }
      });
      return out;
    }
  }

  private final Map<String, CrdKind> byGroupKind;
  private final Map<String, List<CrdKind>> byKind;

  private CrdCatalog(Map<String, CrdKind> byGroupKind) {
    this.byGroupKind = Map.copyOf(byGroupKind);
    Map<String, List<CrdKind>> k = new HashMap<>();
    new TreeMap<>(byGroupKind).values().forEach(c -> k.computeIfAbsent(c.kind(), x -> new ArrayList<>()).add(c));
    this.byKind = Map.copyOf(k);
  }

  private static final class Holder {
    static final CrdCatalog INSTANCE = load();
  }

  /**
   * The catalogue, loading it on the first call.
   *
   * @return the process-wide catalogue
   */
  public static CrdCatalog get() {
    return Holder.INSTANCE;
  }

  /**
   * How many times the bundled schemas were loaded in this process (1 after first use, never more).
   *
   * @return the load count
   */
  public static int loadCount() {
    return LOADS.get();
  }

  /**
   * Looks a kind up by API group and kind.
   *
   * @param group the API group
   * @param kind the kind
   * @return the CRD, or null when none is bundled
   */
  public @Nullable CrdKind find(String group, String kind) {
    return byGroupKind.get(group + "/" + kind);
  }

  /**
   * All bundled CRDs with this kind name, in any group.
   *
   * @param kind the kind
   * @return the CRDs (empty when none)
   */
  public List<CrdKind> findKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /**
   * All bundled kinds, sorted by group and kind.
   *
   * @return the kinds
   */
  public List<CrdKind> all() {
    return new TreeMap<>(byGroupKind).values().stream().toList();
  }

  private static CrdCatalog load() {
    LOADS.incrementAndGet();
    long start = System.nanoTime();
    ObjectMapper mapper = new ObjectMapper();
    Map<String, CrdKind> kinds = new HashMap<>();
    for (String file : readIndex(BASE)) {
      JsonNode crd = readJson(mapper, BASE, file);
      JsonNode spec = crd.path("spec");
      String group = spec.path("group").asText();
      String kind = spec.path("names").path("kind").asText();
      boolean namespaced = "Namespaced".equals(spec.path("scope").asText());
      Map<String, CrdVersion> versions = new HashMap<>();
      for (JsonNode v : spec.path("versions")) {
        JsonNode schema = v.path("schema").path("openAPIV3Schema");
        String name = v.path("name").asText();
        versions.put(name, new CrdVersion(group, kind, name, v.path("served").asBoolean(false),
            namespaced, SchemaCompiler.compile(schema)));
      }
      kinds.put(group + "/" + kind, new CrdKind(group, kind, namespaced, false, Map.copyOf(versions)));
    }
    for (String file : readIndex(BUILT_IN)) {
      JsonNode def = readJson(mapper, BUILT_IN, file);
      String group = def.path("group").asText();
      String kind = def.path("kind").asText();
      boolean namespaced = def.path("namespaced").asBoolean(true);
      SchemaNode schema = SchemaCompiler.compile(def.path("schema"));
      Map<String, CrdVersion> versions = new HashMap<>();
      for (JsonNode v : def.path("versions")) {
        versions.put(v.asText(), new CrdVersion(group, kind, v.asText(), true, namespaced, schema));
      }
      kinds.put(group + "/" + kind, new CrdKind(group, kind, namespaced, true, Map.copyOf(versions)));
    }
    LOG.debug("Loaded {} bundled CRD schemas in {} ms", kinds.size(), (System.nanoTime() - start) / 1_000_000);
    return new CrdCatalog(kinds);
  }

  private static List<String> readIndex(String base) {
    try (InputStream in = CrdCatalog.class.getResourceAsStream(base + "index.txt")) {
      if (in == null) {
        throw new ClusterStacksException("The bundled CRD schemas are missing from the classpath ("
            + base + "index.txt); use an sdk-core jar built by its Maven build, which bundles them");
      }
      List<String> files = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            files.add(line.strip());
          }
        }
      }
      return files;
    } catch (IOException e) {
      throw new ClusterStacksException("Could not read the bundled index " + base + "index.txt", e);
    }
  }

  private static JsonNode readJson(ObjectMapper mapper, String base, String file) {
    try (InputStream in = CrdCatalog.class.getResourceAsStream(base + file)) {
      if (in == null) {
        throw new ClusterStacksException("The bundled schema " + base + file + " is listed but missing");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new ClusterStacksException("Could not read the bundled schema " + base + file, e);
    }
  }
}
