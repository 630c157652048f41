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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled CRD schemas: each loaded and compiled at most once per process, on first use of its kind.
 *
 * <p>The build copies the upstream CRDs without descriptions to
 * {@code io/clusterstacks/core/validation/crds/} with an {@code index.txt} (file, group, kind, scope per
 * line). The catalogue itself is a lazy holder (created on first use, thread-safe by class
 * initialisation); it reads only the index and the small built-in schemas up front, and compiles a CRD
 * the first time a document of its kind is validated ({@link ConcurrentHashMap#computeIfAbsent} makes
 * that happen exactly once, also under concurrent first use). Validating one ClusterStack from a cold
 * JVM therefore compiles one 10 KB schema, not all 21 CRDs.
 */
public final class CrdCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(CrdCatalog.class);
  private static final String BASE = "/io/clusterstacks/core/validation/crds/";
  private static final String BUILT_IN = "/io/clusterstacks/core/validation/builtin/";
  private static final AtomicInteger CATALOGUES = new AtomicInteger();
  private static final AtomicInteger CRD_LOADS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

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

  private record Entry(String file, String group, String kind) {}

  /** Index entries by {@code group/kind}, sorted. */
  private final TreeMap<String, Entry> index;
  /** Kind name to the {@code group/kind} keys that have it, in sorted order. */
  private final Map<String, List<String>> byKind;
  private final Map<String, CrdKind> builtIns;
  private final ConcurrentHashMap<String, CrdKind> loaded = new ConcurrentHashMap<>();

  private CrdCatalog(TreeMap<String, Entry> index, Map<String, CrdKind> builtIns) {
    this.index = index;
    this.builtIns = Map.copyOf(builtIns);
    Map<String, List<String>> k = new HashMap<>();
    TreeMap<String, String> all = new TreeMap<>();
    index.forEach((key, e) -> all.put(key, e.kind()));
    builtIns.forEach((key, c) -> all.put(key, c.kind()));
    all.forEach((key, kind) -> k.computeIfAbsent(kind, x -> new ArrayList<>()).add(key));
    this.byKind = Map.copyOf(k);
  }

  private static final class Holder {
    static final CrdCatalog INSTANCE = create();
  }

  /**
   * The catalogue, creating it on the first call.
   *
   * @return the process-wide catalogue
   */
  public static CrdCatalog get() {
    return Holder.INSTANCE;
  }

  /**
   * How many catalogues were created in this process (1 after first use, never more).
   *
   * @return the count
   */
  public static int catalogueCount() {
    return CATALOGUES.get();
  }

  /**
   * How many bundled CRD files were parsed and compiled in this process (each at most once).
   *
   * @return the count
   */
  public static int crdLoadCount() {
    return CRD_LOADS.get();
  }

  /**
   * Looks a kind up by API group and kind, compiling its CRD on first use.
   *
   * @param group the API group
   * @param kind the kind
   * @return the CRD, or null when none is bundled
   */
  public @Nullable CrdKind find(String group, String kind) {
    String key = group + "/" + kind;
    CrdKind b = builtIns.get(key);
    if (b != null) {
      return b;
    }
    Entry e = index.get(key);
    return e == null ? null : loaded.computeIfAbsent(key, k -> load(e));
  }

  /**
   * All bundled CRDs with this kind name, in any group (sorted by group).
   *
   * @param kind the kind
   * @return the CRDs (empty when none)
   */
  public List<CrdKind> findKind(String kind) {
    List<CrdKind> out = new ArrayList<>();
    for (String key : byKind.getOrDefault(kind, List.of())) {
      int slash = key.lastIndexOf('/');
      CrdKind c = find(key.substring(0, slash), key.substring(slash + 1));
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * All bundled kinds (CRDs and built-ins), sorted by group and kind; compiles every CRD.
   *
   * @return the kinds
   */
  public List<CrdKind> all() {
    TreeMap<String, CrdKind> out = new TreeMap<>(builtIns);
    index.forEach((key, e) -> out.put(key, find(e.group(), e.kind())));
    return List.copyOf(out.values());
  }

  private static CrdCatalog create() {
    CATALOGUES.incrementAndGet();
    TreeMap<String, Entry> index = new TreeMap<>();
    for (String line : readIndex(BASE)) {
      String[] f = line.split("\t");
      if (f.length < 3) {
        throw new ClusterStacksException("The bundled CRD index line '" + line + "' is malformed; rebuild sdk-core");
      }
      index.put(f[1] + "/" + f[2], new Entry(f[0], f[1], f[2]));
    }
    Map<String, CrdKind> builtIns = new HashMap<>();
    for (String file : readIndex(BUILT_IN)) {
      JsonNode def = readJson(BUILT_IN, file);
      String group = def.path("group").asText();
      String kind = def.path("kind").asText();
      boolean namespaced = def.path("namespaced").asBoolean(true);
      SchemaNode schema = SchemaCompiler.compile(def.path("schema"));
      Map<String, CrdVersion> versions = new HashMap<>();
      for (JsonNode v : def.path("versions")) {
        versions.put(v.asText(), new CrdVersion(group, kind, v.asText(), true, namespaced, schema));
      }
      builtIns.put(group + "/" + kind, new CrdKind(group, kind, namespaced, true, Map.copyOf(versions)));
    }
    return new CrdCatalog(index, builtIns);
  }

  private static CrdKind load(Entry e) {
    CRD_LOADS.incrementAndGet();
    long start = System.nanoTime();
    CrdKind k = compile(readJson(BASE, e.file()), e.group(), e.kind());
    LOG.debug("Compiled bundled CRD {} in {} ms", e.file(), (System.nanoTime() - start) / 1_000_000);
    return k;
  }

  /**
   * Compiles a CustomResourceDefinition.
   *
   * @param crd the CRD
   * @param group its group
   * @param kind its kind
   * @return the compiled kind
   */
  static CrdKind compile(JsonNode crd, String group, String kind) {
    JsonNode spec = crd.path("spec");
    boolean namespaced = "Namespaced".equals(spec.path("scope").asText());
    Map<String, CrdVersion> versions = new HashMap<>();
    for (JsonNode v : spec.path("versions")) {
      String name = v.path("name").asText();
      versions.put(name, new CrdVersion(group, kind, name, v.path("served").asBoolean(false),
          namespaced, SchemaCompiler.compile(v.path("schema").path("openAPIV3Schema"))));
    }
    return new CrdKind(group, kind, namespaced, false, Map.copyOf(versions));
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
    } catch (IOException ex) {
      throw new ClusterStacksException("Could not read the bundled index " + base + "index.txt", ex);
    }
  }

  private static JsonNode readJson(String base, String file) {
    try (InputStream in = CrdCatalog.class.getResourceAsStream(base + file)) {
      if (in == null) {
        throw new ClusterStacksException("The bundled schema " + base + file + " is listed but missing");
      }
      return JSON.readTree(in);
    } catch (IOException ex) {
      throw new ClusterStacksException("Could not read the bundled schema " + base + file, ex);
    }
  }
}
