package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.validation.CheckStatus;
import io.clusterstacks.core.validation.DocumentResult;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Validates a batch of documents: resolves each document's kind and served version, checks
 * {@code metadata}, walks the schema (defaults applied, nulls pruned), then runs the named rules,
 * including the cross-document ones. Thread-safe: all per-call state lives in the call.
 */
public final class ValidationEngine {

  /** Kinds whose CEL rules a module of the SDK brings as a bundle, by {@code group/kind}. */
  private static final Map<String, String> RULES_IN_MODULES = Map.of(
      "controlplane.cluster.x-k8s.io/KamajiControlPlane", "sdk-kamaji",
      "controlplane.cluster.x-k8s.io/KamajiControlPlaneTemplate", "sdk-kamaji",
      "kamaji.clastix.io/TenantControlPlane", "sdk-kamaji",
      "kamaji.clastix.io/DataStore", "sdk-kamaji");

  private final Function<String, Optional<String>> releaseKubernetesVersions;
  private final boolean unknownKindsAreViolations;
  private final Bundles.Resolved bundles;

  /**
   * Creates an engine.
   *
   * @param releaseKubernetesVersions the exact Kubernetes version of a ClusterClass, when known
   * @param unknownKindsAreViolations whether a kind without schema or rules is a violation
   */
  public ValidationEngine(Function<String, Optional<String>> releaseKubernetesVersions,
      boolean unknownKindsAreViolations) {
    this(releaseKubernetesVersions, unknownKindsAreViolations,
        new Bundles.Resolved(java.util.Map.of(), java.util.Map.of(), List.of()));
  }

  /**
   * Creates an engine with the kinds and rules of bundles.
   *
   * @param releaseKubernetesVersions the exact Kubernetes version of a ClusterClass, when known
   * @param unknownKindsAreViolations whether a kind without schema or rules is a violation
   * @param bundles the resolved bundles
   */
  public ValidationEngine(Function<String, Optional<String>> releaseKubernetesVersions,
      boolean unknownKindsAreViolations, Bundles.Resolved bundles) {
    this.releaseKubernetesVersions = releaseKubernetesVersions;
    this.unknownKindsAreViolations = unknownKindsAreViolations;
    this.bundles = bundles;
  }

  /**
   * The exact Kubernetes version of a ClusterClass, when the caller supplied it.
   *
   * @param className the ClusterClass name
   * @return the version (with {@code v}), or null when unknown
   */
  public @Nullable String releaseKubernetesVersion(String className) {
    return releaseKubernetesVersions.apply(className).orElse(null);
  }

  /** One document during a call. */
  static final class Item {
    final ObjectNode doc;
    final DocContext ctx;
    final CrdCatalog.@Nullable CrdVersion version;

    Item(ObjectNode doc, DocContext ctx, CrdCatalog.@Nullable CrdVersion version) {
      this.doc = doc;
      this.ctx = ctx;
      this.version = version;
    }
  }

  /**
   * Validates documents.
   *
   * @param documents the documents (not modified)
   * @return the report
   */
  public ValidationReport validate(List<? extends @Nullable JsonNode> documents) {
    return validate(documents, true);
  }

  /**
   * Validates documents the caller hands over: the engine may change them (defaults, pruning).
   *
   * @param documents fresh trees no one else holds
   * @return the report
   */
  public ValidationReport validateOwned(List<? extends @Nullable JsonNode> documents) {
    return validate(documents, false);
  }

  private ValidationReport validate(List<? extends @Nullable JsonNode> documents, boolean copy) {
    CrdCatalog catalog = CrdCatalog.get();
    List<String> warnings = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    List<CheckStatus> statuses = new ArrayList<>();
    List<DocContext> contexts = new ArrayList<>();
    int index = 0;
    for (JsonNode original : documents) {
      int i = index++;
      if (original == null || original.isNull() || original.isMissingNode() || !original.isObject()) {
        DocContext ctx = new DocContext(i, "", "", false, this, warnings);
        ctx.add(FieldPath.ROOT, original, "a Kubernetes object (a YAML/JSON map)", "type",
            "the document is not an object");
        contexts.add(ctx);
        statuses.add(CheckStatus.NOT_SCHEMA_CHECKED);
        continue;
      }
      ObjectNode doc = copy ? ((ObjectNode) original).deepCopy() : (ObjectNode) original;
      String apiVersion = doc.path("apiVersion").isTextual() ? doc.get("apiVersion").textValue() : "";
      String kind = doc.path("kind").isTextual() ? doc.get("kind").textValue() : "";
      JsonNode nameNode = doc.path("metadata").path("name");
      String name = nameNode.isTextual() ? nameNode.textValue() : "";
      DocContext ctx = new DocContext(i, kind, name, "Secret".equals(kind) && isCore(apiVersion), this, warnings);
      contexts.add(ctx);
      CheckStatus status = resolveAndWalk(catalog, doc, apiVersion, kind, ctx, items);
      statuses.add(status);
    }
    for (Item item : items) {
      NamedRules.run(item, items);
    }
    if (!bundles.rules().isEmpty()) {
      BundleRules.run(bundles.rules(), items, documents);
    }
    for (Item item : items) {
      String key = item.version == null ? "" : item.version.group() + "/" + item.version.kind();
      String module = RULES_IN_MODULES.get(key);
      if (module != null && !bundles.rules().containsKey(key)) {
        item.ctx.warn(FieldPath.ROOT, "schema-checked, but its CEL rules were not: they come with " + module
            + "; add the dependency io.clusterstacks:" + module + " to check them");
      }
    }
    List<Violation> all = new ArrayList<>();
    List<DocumentResult> results = new ArrayList<>();
    int k = 0;
    for (DocContext ctx : contexts) {
      all.addAll(ctx.violations);
      JsonNode src = documents.get(k);
      String apiVersion = src != null && src.path("apiVersion").isTextual() ? src.get("apiVersion").textValue() : "";
      results.add(DocumentResult.builder()
          .index(ctx.index)
          .apiVersion(apiVersion)
          .kind(ctx.kind)
          .name(ctx.name)
          .status(statuses.get(k))
          .violationCount(ctx.violations.size())
          .build());
      k++;
    }
    return ValidationReport.builder().documents(results).violations(all).warnings(warnings).build();
  }

  private CheckStatus resolveAndWalk(CrdCatalog catalog, ObjectNode doc, String apiVersion, String kind,
      DocContext ctx, List<Item> items) {
    boolean ok = true;
    if (apiVersion.isEmpty()) {
      ctx.add(FieldPath.ROOT.child("apiVersion"), doc.get("apiVersion"), "group/version, e.g. cluster.x-k8s.io/v1beta1",
          doc.has("apiVersion") ? "type" : "required", "apiVersion is missing or not a string");
      ok = false;
    }
    if (kind.isEmpty()) {
      ctx.add(FieldPath.ROOT.child("kind"), doc.get("kind"), "a kind, e.g. Cluster",
          doc.has("kind") ? "type" : "required", "kind is missing or not a string");
      ok = false;
    }
    if (!ok) {
      ObjectMetaRules.check(doc, true, false, ctx);
      return CheckStatus.NOT_SCHEMA_CHECKED;
    }
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    CrdCatalog.CrdKind crd = bundles.kinds().isEmpty() ? null : bundles.kinds().get(group + "/" + kind);
    if (crd == null) {
      crd = catalog.find(group, kind);
    }
    if (crd == null) {
      List<CrdCatalog.CrdKind> other = catalog.findKind(kind);
      if (!other.isEmpty()) {
        List<String> allowed = new ArrayList<>();
        other.forEach(c -> c.servedVersions().forEach(v -> allowed.add(apiVersionOf(c.group(), v))));
        ctx.add(FieldPath.ROOT.child("apiVersion"), doc.get("apiVersion"), "one of " + allowed,
            "apiVersion:served", "kind " + kind + " is not served in API group \"" + group + "\"");
        ObjectMetaRules.check(doc, true, false, ctx);
        return CheckStatus.NOT_SCHEMA_CHECKED;
      }
      ObjectMetaRules.check(doc, true, false, ctx);
      String text = "not schema-checked: the SDK bundles no schema or rules for " + apiVersion + " " + kind;
      if (unknownKindsAreViolations) {
        ctx.add(FieldPath.ROOT.child("kind"), doc.get("kind"), "a kind with a bundled schema",
            "kind:notSchemaChecked", text);
      } else {
        ctx.warn(FieldPath.ROOT, text);
      }
      return CheckStatus.NOT_SCHEMA_CHECKED;
    }
    CrdCatalog.CrdVersion v = crd.versions().get(version);
    ObjectMetaRules.check(doc, crd.namespaced(), crd.builtIn() && "Namespace".equals(kind) && group.isEmpty(), ctx);
    if (v == null || !v.served()) {
      List<String> allowed = new ArrayList<>();
      crd.servedVersions().forEach(s -> allowed.add(apiVersionOf(group, s)));
      ctx.add(FieldPath.ROOT.child("apiVersion"), doc.get("apiVersion"), "one of " + allowed, "apiVersion:served",
          v == null ? "version " + version + " of " + kind + " does not exist"
              : "version " + version + " of " + kind + " is not served any more");
      return crd.builtIn() ? CheckStatus.BUILT_IN_RULES : CheckStatus.CRD_SCHEMA;
    }
    new SchemaWalker(ctx).walkRoot(doc, v.schema());
    items.add(new Item(doc, ctx, v));
    return crd.builtIn() ? CheckStatus.BUILT_IN_RULES : CheckStatus.CRD_SCHEMA;
  }

  private static String apiVersionOf(String group, String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }

  private static boolean isCore(String apiVersion) {
    return apiVersion.indexOf('/') < 0;
  }
}
