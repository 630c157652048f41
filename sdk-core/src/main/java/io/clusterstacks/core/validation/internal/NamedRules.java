package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.VariableSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's re-implementations, as named Java checks, of the CEL rules ({@code x-kubernetes-validations})
 * in the bundled CRDs and of the admission-webhook rules (CAPI, CSO) that matter for what the SDK emits.
 *
 * <p>They run on the document <em>after</em> schema defaults were applied, as CEL does on a real API
 * server. Transition rules (those using {@code oldSelf}: immutability) are not re-implemented: they only
 * apply to updates, and an offline check sees one object. The complete list, with sources, is in
 * {@code docs/validation-rules.md}; {@link #RULE_NAMES} lists every name used here.
 */
public final class NamedRules {

  /** Every rule name this class can report, for documentation checks. */
  public static final List<String> RULE_NAMES = List.of(
      "capo.machine.flavorOrFlavorID", "capo.machine.flavorAndFlavorID", "capo.image.exactlyOne",
      "capo.serverGroup.nonEmpty", "capo.availabilityZone.name", "capo.schedulerHint.value",
      "capo.cluster.bastionSpec", "capo.cluster.disableExternalNetwork.bastionFloatingIP",
      "capo.cluster.disableExternalNetwork.apiServerFloatingIP",
      "orc.managementPolicy.managedNeedsResource", "orc.managementPolicy.managedForbidsImport",
      "orc.managementPolicy.unmanagedForbidsResource", "orc.managementPolicy.unmanagedNeedsImport",
      "orc.managementPolicy.managedOptions", "orc.image.content", "orc.serverGroup.maxServerPerHost",
      "capi.kcp.replicas", "capi.kcp.replicas.odd", "capi.kcp.maxSurge", "capi.kcp.scaleIn", "capi.kcp.version",
      "capi.cluster.topology.version", "capi.cluster.variables", "capi.machineDeployment.version",
      "capi.crs.selectorNotEmpty", "capi.crs.resources",
      "cso.clusterStack.versions", "cso.clusterStack.providerRef", "cso.cluster.topologyVersion",
      "cso.cluster.versionMatchesClass", "cso.cluster.exactPatchVersion", "cso.cluster.releaseListed",
      "core.secret.key", "core.secret.type", "core.secret.size", "core.configMap.key",
      "core.configMap.duplicateKey", "core.configMap.size",
      "kamaji.konnectivity.agentReplicas", "kamaji.network.loadBalancerSourceRanges",
      "kamaji.network.loadBalancerClass", "kamaji.tcp.ingressOrGateway", "kamaji.tcp.cidr",
      "kamaji.tcp.dnsServiceIPs", "kamaji.tcp.loadBalancerSourceRanges", "kamaji.tcp.loadBalancerClass",
      "kamaji.dataStore.etcdTls", "kamaji.dataStore.auth");

  private static final Set<String> MIN_MAX_PROPS = Set.of("minProperties", "maxProperties");
  /** CAPI's {@code version.KubeSemver}: an optional {@code v}, three numbers, optional suffix. */
  private static final Pattern KUBE_SEMVER =
      Pattern.compile("^v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)([-0-9a-zA-Z_.+]*)?$");
  /** The exact form the CSO compares against a release's Kubernetes version. */
  private static final Pattern EXACT_VERSION = Pattern.compile("^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$");
  /** CSO {@code pkg/version}: {@code vN} (stable) or {@code vN-<channel>.<patch>} (custom). */
  private static final Pattern CS_VERSION = Pattern.compile("^v\\d+(-\\b\\w+\\b\\.\\w+)?$");
  /** A cluster-stack ClusterClass name: provider-stack-major-minor-version. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("^([a-z0-9]+)-([a-z0-9]+)-(\\d+)-(\\d+)-(v\\d+(?:-\\w+\\.\\w+)?)$");
  private static final Pattern CONFIG_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");
  private static final int MAX_SECRET_BYTES = 1024 * 1024;

  private static final FieldPath TEMPLATE_SPEC = FieldPath.of("spec.template.spec");
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final String CAPO = "infrastructure.cluster.x-k8s.io";
  private static final String ORC = "openstack.k-orc.cloud";
  private static final String CAPI = "cluster.x-k8s.io";
  private static final String CP = "controlplane.cluster.x-k8s.io";
  private static final String CSO = "clusterstack.x-k8s.io";
  private static final String KAMAJI = "kamaji.clastix.io";

  private static final Map<String, List<BiConsumer<ValidationEngine.Item, List<ValidationEngine.Item>>>> BY_KIND =
      Map.ofEntries(
          Map.entry(CAPO + "/OpenStackMachineTemplate", List.of(
              (i, b) -> machineSpec(i, TEMPLATE_SPEC))),
          Map.entry(CAPO + "/OpenStackCluster", List.of(
              (i, b) -> clusterSpec(i, SPEC))),
          Map.entry(CAPO + "/OpenStackClusterTemplate", List.of(
              (i, b) -> clusterSpec(i, TEMPLATE_SPEC))),
          Map.entry(ORC + "/Image", List.of((i, b) -> orc(i, true))),
          Map.entry(ORC + "/ServerGroup", List.of((i, b) -> orc(i, false))),
          Map.entry(CP + "/KubeadmControlPlane", List.of((i, b) -> kubeadmControlPlane(i))),
          Map.entry(CP + "/KubeadmControlPlaneTemplate", List.of(
              (i, b) -> maxSurge(i, TEMPLATE_SPEC, null))),
          Map.entry(CAPI + "/Cluster", List.of(NamedRules::cluster)),
          Map.entry(CAPI + "/MachineDeployment", List.of((i, b) -> machineDeployment(i))),
          Map.entry(CSO + "/ClusterStack", List.of((i, b) -> clusterStack(i))),
          Map.entry("addons.cluster.x-k8s.io/ClusterResourceSet", List.of((i, b) -> clusterResourceSet(i))),
          Map.entry("/Secret", List.of((i, b) -> secret(i))),
          Map.entry("/ConfigMap", List.of((i, b) -> configMap(i))),
          Map.entry(CP + "/KamajiControlPlane", List.of((i, b) -> kamajiControlPlane(i, SPEC))),
          Map.entry(CP + "/KamajiControlPlaneTemplate", List.of(
              (i, b) -> kamajiControlPlane(i, TEMPLATE_SPEC))),
          Map.entry(KAMAJI + "/TenantControlPlane", List.of((i, b) -> tenantControlPlane(i))),
          Map.entry(KAMAJI + "/DataStore", List.of((i, b) -> dataStore(i))));

  private NamedRules() {}

  static void run(ValidationEngine.Item item, List<ValidationEngine.Item> batch) {
    if (item.version == null) {
      return;
    }
    var rules = BY_KIND.get(item.version.group() + "/" + item.version.kind());
    if (rules == null) {
      return;
    }
    item.ctx.beginNamedRules();
    for (var r : rules) {
      r.accept(item, batch);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static @Nullable JsonNode at(JsonNode root, FieldPath path) {
    return path.resolve(root);
  }

  private static @Nullable JsonNode at(JsonNode root, String dotted) {
    return FieldPath.of(dotted).resolve(root);
  }

  private static boolean has(@Nullable JsonNode obj, String field) {
    return obj != null && obj.isObject() && obj.has(field) && !obj.get(field).isNull();
  }

  private static String text(@Nullable JsonNode obj, String field) {
    return obj != null && obj.path(field).isTextual() ? obj.get(field).textValue() : "";
  }

  // ---------------------------------------------------------------- CAPO

  private static void machineSpec(ValidationEngine.Item i, FieldPath p) {
    JsonNode spec = at(i.doc, p);
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    boolean flavor = has(spec, "flavor");
    boolean flavorId = has(spec, "flavorID");
    if (!flavor && !flavorId) {
      c.add(p.child("flavor"), null, "flavor (a flavor name) or flavorID", "capo.machine.flavorOrFlavorID",
          "at least one of flavor or flavorID must be set");
    } else if (flavor && flavorId) {
      c.add(p.child("flavorID"), spec.get("flavorID"), "flavor or flavorID, not both",
          "capo.machine.flavorAndFlavorID", "both flavor and flavorID are set; CAPO silently uses flavorID, "
              + "so remove one (stricter than the API server)");
    }
    JsonNode image = spec.get("image");
    if (image != null && image.isObject()) {
      int n = count(image, "id", "filter", "imageRef");
      if (n != 1 || image.size() != 1) {
        c.replace(MIN_MAX_PROPS, p.child("image"), image, "exactly one of id, filter, imageRef",
            "capo.image.exactlyOne", "image must name exactly one of id, filter or imageRef (has " + n + ")");
      }
    }
    JsonNode sg = spec.get("serverGroup");
    if (sg != null && sg.isObject()) {
      FieldPath sp = p.child("serverGroup");
      JsonNode filter = sg.get("filter");
      if (sg.isEmpty()) {
        c.replace(MIN_MAX_PROPS, sp, sg, "{id: <uuid>} or {filter: {name: <name>}}", "capo.serverGroup.nonEmpty",
            "serverGroup is empty; omit it for no server group, or give an id or a filter");
      } else if (sg.size() > 1) {
        c.replace(MIN_MAX_PROPS, sp, sg, "exactly one of id, filter", "capo.serverGroup.nonEmpty",
            "serverGroup must have exactly one of id or filter");
      } else if (filter != null && filter.isObject() && (filter.isEmpty() || text(filter, "name").isEmpty())) {
        c.replace(MIN_MAX_PROPS, sp.child("filter"), filter, "{name: <non-empty name>}", "capo.serverGroup.nonEmpty",
            "serverGroup.filter needs a non-empty name");
      }
    }
    availabilityZone(c, spec, p.child("rootVolume"), "rootVolume");
    JsonNode abd = spec.get("additionalBlockDevices");
    if (abd != null && abd.isArray()) {
      for (int k = 0; k < abd.size(); k++) {
        FieldPath vp = p.child("additionalBlockDevices").at(k).child("storage").child("volume");
        JsonNode vol = abd.get(k).path("storage").path("volume");
        if (vol.isObject()) {
          availabilityZone(c, vol, vp, null);
        }
      }
    }
    JsonNode hints = spec.get("schedulerHintAdditionalProperties");
    if (hints != null && hints.isArray()) {
      for (int k = 0; k < hints.size(); k++) {
        JsonNode v = hints.get(k).get("value");
        if (v == null || !v.isObject()) {
          continue;
        }
        String type = text(v, "type");
        FieldPath vp = p.child("schedulerHintAdditionalProperties").at(k).child("value");
        for (String[] pair : new String[][] {{"Bool", "bool"}, {"Number", "number"}, {"String", "string"}}) {
          boolean present = has(v, pair[1]);
          if (type.equals(pair[0]) != present) {
            c.add(vp.child(pair[1]), v.get(pair[1]), present ? "absent unless type is " + pair[0]
                    : "a value, as type is " + pair[0], "capo.schedulerHint.value",
                pair[1] + " is required when type is " + pair[0] + ", and forbidden otherwise");
          }
        }
      }
    }
  }

  private static void availabilityZone(DocContext c, JsonNode parent, FieldPath parentPath, @Nullable String child) {
    JsonNode holder = child == null ? parent : parent.get(child);
    if (holder == null || !holder.isObject()) {
      return;
    }
    JsonNode az = holder.get("availabilityZone");
    if (az == null || !az.isObject()) {
      return;
    }
    FieldPath ap = parentPath.child("availabilityZone");
    String from = has(az, "from") ? text(az, "from") : "Name";
    boolean name = has(az, "name");
    if (from.equals("Name") && !name) {
      c.add(ap.child("name"), null, "a zone name, as from is Name", "capo.availabilityZone.name",
          "name is required when from is 'Name' or default");
    } else if (!from.equals("Name") && name) {
      c.add(ap.child("name"), az.get("name"), "no name when from is " + from, "capo.availabilityZone.name",
          "name must not be set when from is '" + from + "'");
    }
  }

  private static void clusterSpec(ValidationEngine.Item i, FieldPath p) {
    JsonNode spec = at(i.doc, p);
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    JsonNode bastion = spec.get("bastion");
    if (bastion != null && bastion.isObject()) {
      boolean enabled = bastion.path("enabled").asBoolean(true);
      if (enabled && !has(bastion, "spec")) {
        c.add(p.child("bastion").child("spec"), null, "a machine spec, as the bastion is enabled",
            "capo.cluster.bastionSpec", "spec is required if bastion is enabled");
      }
      if (has(bastion, "spec")) {
        machineSpec(i, p.child("bastion").child("spec"));
      }
    }
    if (spec.path("disableExternalNetwork").asBoolean(false)) {
      if (bastion != null && has(bastion, "floatingIP")) {
        c.add(p.child("bastion").child("floatingIP"), bastion.get("floatingIP"),
            "no floating IP when disableExternalNetwork is true",
            "capo.cluster.disableExternalNetwork.bastionFloatingIP",
            "bastion floating IP cannot be set when disableExternalNetwork is true");
      }
      if (!spec.path("disableAPIServerFloatingIP").asBoolean(false)) {
        c.add(p.child("disableAPIServerFloatingIP"), spec.get("disableAPIServerFloatingIP"),
            "true, as disableExternalNetwork is true", "capo.cluster.disableExternalNetwork.apiServerFloatingIP",
            "disableAPIServerFloatingIP cannot be false when disableExternalNetwork is true");
      }
    }
  }

  private static int count(JsonNode obj, String... fields) {
    int n = 0;
    for (String f : fields) {
      if (obj.has(f)) {
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- ORC

  private static void orc(ValidationEngine.Item i, boolean image) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    FieldPath p = FieldPath.ROOT.child("spec");
    String policy = text(spec, "managementPolicy");
    boolean resource = has(spec, "resource");
    boolean imp = has(spec, "import");
    if (policy.equals("managed")) {
      if (!resource) {
        c.add(p.child("resource"), null, "a resource, as managementPolicy is managed",
            "orc.managementPolicy.managedNeedsResource", "resource must be specified when policy is managed");
      }
      if (imp) {
        c.add(p.child("import"), spec.get("import"), "no import when managementPolicy is managed",
            "orc.managementPolicy.managedForbidsImport", "import may not be specified when policy is managed");
      }
    } else if (policy.equals("unmanaged")) {
      if (resource) {
        c.add(p.child("resource"), null, "no resource when managementPolicy is unmanaged",
            "orc.managementPolicy.unmanagedForbidsResource",
            "resource may not be specified when policy is unmanaged");
      }
      if (!imp) {
        c.add(p.child("import"), null, "an import, as managementPolicy is unmanaged",
            "orc.managementPolicy.unmanagedNeedsImport", "import must be specified when policy is unmanaged");
      }
    }
    if (has(spec, "managedOptions") && !policy.equals("managed")) {
      c.add(p.child("managedOptions"), spec.get("managedOptions"), "only with managementPolicy managed",
          "orc.managementPolicy.managedOptions", "managedOptions may only be provided when policy is managed");
    }
    if (image && !imp && resource && !has(spec.get("resource"), "content")) {
      c.add(p.child("resource").child("content"), null, "the image content (download URL, disk format)",
          "orc.image.content", "resource content must be specified when not importing");
    }
    if (!image && resource) {
      JsonNode res = spec.get("resource");
      JsonNode max = res.path("rules").path("maxServerPerHost");
      if (max.isNumber() && max.asLong() > 0 && !text(res, "policy").equals("anti-affinity")) {
        c.add(p.child("resource").child("rules").child("maxServerPerHost"), max,
            "only with policy anti-affinity (policy is " + text(res, "policy") + ")",
            "orc.serverGroup.maxServerPerHost", "maxServerPerHost can only be used with the anti-affinity policy");
      }
    }
  }

  // ---------------------------------------------------------------- CAPI

  private static void kubeadmControlPlane(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    FieldPath p = FieldPath.ROOT.child("spec");
    JsonNode replicas = spec.get("replicas");
    Long n = replicas != null && replicas.isIntegralNumber() ? replicas.asLong() : null;
    if (n != null && n <= 0) {
      c.add(p.child("replicas"), replicas, "1 or more (odd with stacked etcd)", "capi.kcp.replicas",
          "cannot be less than or equal to 0");
    } else if (n != null && n % 2 == 0 && !has(spec.path("kubeadmConfigSpec").path("clusterConfiguration")
        .path("etcd"), "external")) {
      c.add(p.child("replicas"), replicas, "an odd number (1, 3, 5) with stacked etcd", "capi.kcp.replicas.odd",
          "cannot be an even number when etcd is stacked");
    }
    maxSurge(i, p, n);
    JsonNode version = spec.get("version");
    if (version != null && version.isTextual() && !KUBE_SEMVER.matcher(version.textValue()).matches()) {
      c.add(p.child("version"), version, "a Kubernetes version such as v1.33.4", "capi.kcp.version",
          "must be a valid semantic version");
    }
  }

  private static void maxSurge(ValidationEngine.Item i, FieldPath specPath, @Nullable Long replicas) {
    JsonNode spec = at(i.doc, specPath);
    JsonNode rs = spec == null ? null : spec.get("rolloutStrategy");
    if (rs == null || !rs.isObject()) {
      return;
    }
    JsonNode surge = rs.path("rollingUpdate").get("maxSurge");
    if (surge == null || surge.isNull()) {
      return;
    }
    FieldPath sp = specPath.child("rolloutStrategy").child("rollingUpdate").child("maxSurge");
    if (!surge.isIntegralNumber() || (surge.asLong() != 0 && surge.asLong() != 1)) {
      i.ctx.add(sp, surge, "the integer 0 or 1", "capi.kcp.maxSurge", "value must be 1 or 0");
    } else if (surge.asLong() == 0 && replicas != null && replicas < 3) {
      i.ctx.add(sp, surge, "0 only with 3 or more replicas (use 1 below)", "capi.kcp.scaleIn",
          "when KubeadmControlPlane is configured to scale-in, replica count needs to be at least 3");
    }
  }

  private static void machineDeployment(ValidationEngine.Item i) {
    JsonNode version = at(i.doc, "spec.template.spec.version");
    if (version != null && version.isTextual() && !KUBE_SEMVER.matcher(version.textValue()).matches()) {
      i.ctx.add(FieldPath.of("spec.template.spec.version"), version, "a Kubernetes version such as v1.33.4",
          "capi.machineDeployment.version", "must be a valid semantic version");
    }
  }

  private static void clusterResourceSet(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    JsonNode sel = spec.get("clusterSelector");
    if (sel != null && sel.isObject()) {
      boolean empty = sel.path("matchLabels").isEmpty() && sel.path("matchExpressions").isEmpty();
      if (empty) {
        i.ctx.add(FieldPath.of("spec.clusterSelector"), sel, "matchLabels or matchExpressions selecting clusters",
            "capi.crs.selectorNotEmpty", "selector must not be empty (an empty selector selects no cluster)");
      }
    }
    JsonNode res = spec.get("resources");
    if (res == null || !res.isArray() || res.isEmpty()) {
      i.ctx.add(FieldPath.of("spec.resources"), res, "at least one Secret or ConfigMap", "capi.crs.resources",
          "a ClusterResourceSet without resources delivers nothing");
    }
  }

  // ---------------------------------------------------------------- CSO

  private static void clusterStack(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    JsonNode versions = spec.get("versions");
    if (versions != null && versions.isArray()) {
      for (int k = 0; k < versions.size(); k++) {
        JsonNode v = versions.get(k);
        if (v.isTextual() && !CS_VERSION.matcher(v.textValue()).matches()) {
          c.add(FieldPath.of("spec.versions").at(k), v, "vN (stable) or vN-<channel>.<patch> (custom), e.g. v1, "
              + "v0-sha.lvlvyfw", "cso.clusterStack.versions", "is not a cluster-stack release version");
        }
      }
    }
    if (!spec.path("noProvider").asBoolean(false) && !has(spec, "providerRef")) {
      c.add(FieldPath.of("spec.providerRef"), null, "a providerRef (e.g. an OpenStackClusterStackReleaseTemplate), "
          + "or noProvider: true", "cso.clusterStack.providerRef", "providerRef is required when noProvider is false");
    }
  }

  private static void cluster(ValidationEngine.Item i, List<ValidationEngine.Item> batch) {
    JsonNode topology = at(i.doc, "spec.topology");
    if (topology == null || !topology.isObject()) {
      return;
    }
    clusterVersion(i, batch, topology);
    clusterVariables(i, topology);
  }

  private static void clusterVersion(ValidationEngine.Item i, List<ValidationEngine.Item> batch, JsonNode topology) {
    DocContext c = i.ctx;
    FieldPath vp = FieldPath.of("spec.topology.version");
    JsonNode version = topology.get("version");
    String v = version != null && version.isTextual() ? version.textValue() : null;
    if (v != null && !KUBE_SEMVER.matcher(v).matches()) {
      c.add(vp, version, "a Kubernetes version such as v1.33.4", "capi.cluster.topology.version",
          "must be a valid semantic version");
      return;
    }
    String className = text(topology, "class");
    Matcher m = CLASS_NAME.matcher(className);
    if (v == null || !m.matches()) {
      return;
    }
    // A cluster-stack class: the CSO webhook compares topology.version with the release's exact version.
    if (!EXACT_VERSION.matcher(v).matches()) {
      c.add(vp, version, "v<major>.<minor>.<patch>, e.g. v" + m.group(3) + "." + m.group(4) + ".6",
          "cso.cluster.topologyVersion", "cluster-stack releases name their Kubernetes version exactly as "
              + "v<major>.<minor>.<patch>; write it in that form");
      return;
    }
    String[] parts = v.substring(1).split("\\.");
    if (!parts[0].equals(m.group(3)) || !parts[1].equals(m.group(4))) {
      c.add(vp, version, "v" + m.group(3) + "." + m.group(4) + ".<patch> (the class is for Kubernetes "
          + m.group(3) + "." + m.group(4) + ")", "cso.cluster.versionMatchesClass",
          "the version does not belong to the cluster-stack release " + className);
      return;
    }
    String exact = c.engine().releaseKubernetesVersion(className);
    if (exact != null) {
      if (!exact.equals(v)) {
        c.add(vp, version, exact + " (the release's Kubernetes version)", "cso.cluster.exactPatchVersion",
            "the CSO webhook requires the exact Kubernetes version of release " + className);
      }
    } else {
      c.warn(vp, "exact patch version not verified: the Kubernetes version of release " + className
          + " is unknown to the validator (only the form and minor version were checked)");
    }
    releaseListed(i, batch, m, className);
  }

  /**
   * CAPI's topology webhook checks variables against the ClusterClass's variable schemas; offline, the
   * SDK's stack dialect of the class stands in for them (classes without a dialect are not checked).
   */
  private static void clusterVariables(ValidationEngine.Item i, JsonNode topology) {
    Optional<StackDialect> dialect = ClusterClassName.tryParse(text(topology, "class"))
        .flatMap(StackDialects::forClass);
    if (dialect.isEmpty()) {
      return;
    }
    StackDialect d = dialect.get();
    FieldPath tp = FieldPath.of("spec.topology");
    Set<String> set = new HashSet<>();
    checkVariables(i.ctx, d, topology.get("variables"), tp.child("variables"), set);
    for (VariableSpec spec : d.variables()) {
      if (spec.required() && !set.contains(spec.name())) {
        i.ctx.add(tp.child("variables"), null, "a value for the required variable " + spec.name(),
            "capi.cluster.variables", "required variable " + spec.name() + " of stack dialect " + d.id()
                + " is not set");
      }
    }
    checkVariables(i.ctx, d, topology.path("controlPlane").path("variables").get("overrides"),
        tp.child("controlPlane").child("variables").child("overrides"), new HashSet<>());
    JsonNode mds = topology.path("workers").get("machineDeployments");
    if (mds != null && mds.isArray()) {
      for (int k = 0; k < mds.size(); k++) {
        checkVariables(i.ctx, d, mds.get(k).path("variables").get("overrides"),
            tp.child("workers").child("machineDeployments").at(k).child("variables").child("overrides"),
            new HashSet<>());
      }
    }
  }

  private static void checkVariables(DocContext c, StackDialect d, @Nullable JsonNode list, FieldPath lp,
      Set<String> seen) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int k = 0; k < list.size(); k++) {
      JsonNode var = list.get(k);
      String name = text(var, "name");
      if (name.isEmpty() || !var.has("value")) {
        continue;
      }
      seen.add(name);
      FieldPath vp = lp.at(k);
      if (d.variable(name).isEmpty()) {
        c.add(vp.child("name"), var.get("name"), "a variable of stack dialect " + d.id() + ": "
            + d.variableNames(), "capi.cluster.variables", d.unknownMessage(name));
        continue;
      }
      List<Problem> problems = d.problems(name, toJava(var.get("value")));
      if (!problems.isEmpty()) {
        c.add(vp.child("value"), var.get("value"), "a value of the variable's schema in stack dialect " + d.id(),
            "capi.cluster.variables", String.join("; ", problems.stream().map(p -> p.path() + ": " + p.fix()).toList()));
      }
    }
  }

  private static @Nullable Object toJava(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isArray()) {
      List<@Nullable Object> l = new ArrayList<>();
      n.forEach(x -> l.add(toJava(x)));
      return l;
    }
    if (n.isObject()) {
      Map<String, @Nullable Object> m = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), toJava(e.getValue()));
      }
      return m;
    }
    return null;
  }

  private static void releaseListed(ValidationEngine.Item i, List<ValidationEngine.Item> batch, Matcher m,
      String className) {
    String ns = text(i.doc.path("metadata"), "namespace");
    String classNs = text(at(i.doc, "spec.topology"), "classNamespace");
    String where = classNs.isEmpty() ? ns : classNs;
    List<String> listed = new ArrayList<>();
    boolean found = false;
    for (ValidationEngine.Item other : batch) {
      if (other.version == null || !other.version.kind().equals("ClusterStack")) {
        continue;
      }
      JsonNode spec = other.doc.path("spec");
      if (!text(spec, "provider").equals(m.group(1)) || !text(spec, "name").equals(m.group(2))
          || !text(spec, "kubernetesVersion").equals(m.group(3) + "." + m.group(4))
          || !text(other.doc.path("metadata"), "namespace").equals(where)) {
        continue;
      }
      if (spec.path("autoSubscribe").asBoolean(true)) {
        return;
      }
      found = true;
      spec.path("versions").forEach(x -> listed.add(x.asText()));
    }
    if (found && !listed.contains(m.group(5))) {
      i.ctx.add(FieldPath.of("spec.topology.class"), i.doc.path("spec").path("topology").get("class"),
          "a class of a listed release " + listed, "cso.cluster.releaseListed",
          "the ClusterStack in this set does not list release " + m.group(5)
              + " and does not auto-subscribe, so this ClusterClass will never exist");
    }
  }

  // ---------------------------------------------------------------- core

  private static void secret(ValidationEngine.Item i) {
    DocContext c = i.ctx;
    Set<String> keys = new java.util.HashSet<>();
    long size = 0;
    for (String field : List.of("data", "stringData")) {
      JsonNode map = i.doc.get(field);
      if (map == null || !map.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        keys.add(e.getKey());
        size += e.getKey().length() + (e.getValue().isTextual() ? e.getValue().textValue().length() : 0);
        if (!validKey(e.getKey())) {
          c.add(FieldPath.ROOT.child(field).child(e.getKey()), null, "a key of [-._a-zA-Z0-9], at most 253",
              "core.secret.key", "invalid key name");
        }
      }
    }
    if (size > MAX_SECRET_BYTES) {
      c.add(FieldPath.ROOT.child("data"), null, "at most 1 MiB in total", "core.secret.size", "the Secret is too large");
    }
    String type = text(i.doc, "type");
    List<String> needed = switch (type) {
      case "kubernetes.io/tls" -> List.of("tls.crt", "tls.key");
      case "kubernetes.io/dockerconfigjson" -> List.of(".dockerconfigjson");
      case "kubernetes.io/dockercfg" -> List.of(".dockercfg");
      case "kubernetes.io/ssh-auth" -> List.of("ssh-privatekey");
      default -> List.of();
    };
    for (String k : needed) {
      if (!keys.contains(k)) {
        c.add(FieldPath.ROOT.child("data").child(k), null, "a " + k + " key, as type is " + type,
            "core.secret.type", "required key for this Secret type is missing");
      }
    }
  }

  private static void configMap(ValidationEngine.Item i) {
    DocContext c = i.ctx;
    Set<String> keys = new java.util.HashSet<>();
    long size = 0;
    for (String field : List.of("data", "binaryData")) {
      JsonNode map = i.doc.get(field);
      if (map == null || !map.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        FieldPath kp = FieldPath.ROOT.child(field).child(e.getKey());
        size += e.getKey().length() + (e.getValue().isTextual() ? e.getValue().textValue().length() : 0);
        if (!validKey(e.getKey())) {
          c.add(kp, null, "a key of [-._a-zA-Z0-9], at most 253", "core.configMap.key", "invalid key name");
        }
        if (!keys.add(e.getKey())) {
          c.add(kp, null, "a key in data or binaryData, not both", "core.configMap.duplicateKey",
              "duplicate of a key in data");
        }
      }
    }
    if (size > MAX_SECRET_BYTES) {
      c.add(FieldPath.ROOT.child("data"), null, "at most 1 MiB in total", "core.configMap.size",
          "the ConfigMap is too large");
    }
  }

  private static boolean validKey(String key) {
    return key.length() <= 253 && CONFIG_KEY.matcher(key).matches() && !key.equals(".") && !key.equals("..")
        && !key.startsWith("..");
  }

  // ---------------------------------------------------------------- Kamaji

  private static void konnectivity(ValidationEngine.Item i, FieldPath specPath) {
    FieldPath ap = specPath.child("addons").child("konnectivity").child("agent");
    JsonNode agent = at(i.doc, ap);
    if (agent == null || !agent.isObject()) {
      return;
    }
    String mode = text(agent, "mode");
    JsonNode replicas = agent.get("replicas");
    if (replicas == null || replicas.isNull()) {
      return;
    }
    long n = replicas.asLong();
    if ((mode.equals("DaemonSet") && n != 0) || (mode.equals("Deployment") && n == 0)) {
      i.ctx.add(ap.child("replicas"), replicas, mode.equals("DaemonSet") ? "0 or unset with mode DaemonSet"
              : "more than 0 or unset with mode Deployment", "kamaji.konnectivity.agentReplicas",
          "replicas must be 0 (or unset) when mode is DaemonSet, and greater than 0 (or unset) when mode is "
              + "Deployment");
    }
  }

  private static void kamajiControlPlane(ValidationEngine.Item i, FieldPath specPath) {
    konnectivity(i, specPath);
    FieldPath np = specPath.child("network");
    JsonNode net = at(i.doc, np);
    if (net == null || !net.isObject()) {
      return;
    }
    String type = text(net, "serviceType");
    JsonNode lb = net.get("loadBalancerConfig");
    if (lb != null && lb.isObject() && !type.equals("LoadBalancer")) {
      JsonNode ranges = lb.get("loadBalancerSourceRanges");
      if (ranges != null && ranges.isArray() && !ranges.isEmpty()) {
        i.ctx.add(np.child("loadBalancerConfig").child("loadBalancerSourceRanges"), ranges,
            "only with serviceType LoadBalancer (is " + type + ")", "kamaji.network.loadBalancerSourceRanges",
            "LoadBalancerSourceRanges are supported only with LoadBalancer service type");
      }
      if (has(lb, "loadBalancerClass")) {
        i.ctx.add(np.child("loadBalancerConfig").child("loadBalancerClass"), lb.get("loadBalancerClass"),
            "only with serviceType LoadBalancer (is " + type + ")", "kamaji.network.loadBalancerClass",
            "LoadBalancerClass is supported only with LoadBalancer service type");
      }
    }
  }

  private static void tenantControlPlane(ValidationEngine.Item i) {
    FieldPath sp = FieldPath.ROOT.child("spec");
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    konnectivity(i, sp);
    JsonNode cp = spec.path("controlPlane");
    if (has(cp, "ingress") && has(cp, "gateway")) {
      c.add(sp.child("controlPlane").child("gateway"), null, "ingress or gateway, not both",
          "kamaji.tcp.ingressOrGateway", "using both ingress and gateway is not supported");
    }
    JsonNode np = spec.path("networkProfile");
    FieldPath npp = sp.child("networkProfile");
    String serviceCidr = text(np, "serviceCidr");
    for (String f : List.of("podCidr", "serviceCidr")) {
      String v = text(np, f);
      if (!v.isEmpty() && !IpAddresses.isCidr(v)) {
        c.add(npp.child(f), np.get(f), "empty or a CIDR", "kamaji.tcp.cidr", f + " must be empty or a valid CIDR");
      }
    }
    JsonNode ranges = np.get("loadBalancerSourceRanges");
    if (ranges != null && ranges.isArray()) {
      for (int k = 0; k < ranges.size(); k++) {
        if (!ranges.get(k).isTextual() || !IpAddresses.isCidr(ranges.get(k).textValue())) {
          c.add(npp.child("loadBalancerSourceRanges").at(k), ranges.get(k), "a CIDR", "kamaji.tcp.cidr",
              "all LoadBalancer source range entries must be valid CIDR");
        }
      }
    }
    JsonNode dns = np.get("dnsServiceIPs");
    if (dns != null && dns.isArray() && IpAddresses.isCidr(serviceCidr)) {
      for (int k = 0; k < dns.size(); k++) {
        if (!IpAddresses.contains(serviceCidr, dns.get(k).asText())) {
          c.add(npp.child("dnsServiceIPs").at(k), dns.get(k), "an address inside serviceCidr " + serviceCidr,
              "kamaji.tcp.dnsServiceIPs", "all DNS service IPs must be part of the Service CIDR");
        }
      }
    }
    String type = text(cp.path("service"), "serviceType");
    if (ranges != null && ranges.isArray() && !ranges.isEmpty() && !type.equals("LoadBalancer")) {
      c.add(npp.child("loadBalancerSourceRanges"), ranges, "only with serviceType LoadBalancer (is " + type + ")",
          "kamaji.tcp.loadBalancerSourceRanges", "LoadBalancer source ranges are supported only with LoadBalancer "
              + "service type");
    }
    if (has(np, "loadBalancerClass") && !type.equals("LoadBalancer")) {
      c.add(npp.child("loadBalancerClass"), np.get("loadBalancerClass"), "only with serviceType LoadBalancer",
          "kamaji.tcp.loadBalancerClass", "LoadBalancerClass is supported only with LoadBalancer service type");
    }
  }

  private static void dataStore(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    FieldPath sp = FieldPath.ROOT.child("spec");
    String driver = text(spec, "driver");
    JsonNode tls = spec.get("tlsConfig");
    if (driver.equals("etcd")) {
      String[][] needs = {{"certificateAuthority", "privateKey"}, {"clientCertificate", "certificate"},
          {"clientCertificate", "privateKey"}};
      for (String[] n : needs) {
        JsonNode ref = tls == null ? null : tls.path(n[0]).get(n[1]);
        if (!(has(ref, "secretReference") || has(ref, "content"))) {
          c.add(sp.child("tlsConfig").child(n[0]).child(n[1]), null, "secretReference or content",
              "kamaji.dataStore.etcdTls", n[0] + " " + n[1] + " must have secretReference or content when "
                  + "driver is etcd");
        }
      }
    } else if (!driver.isEmpty()) {
      boolean basic = has(spec, "basicAuth");
      if (tls == null && !basic) {
        c.add(sp.child("tlsConfig"), null, "tlsConfig or basicAuth", "kamaji.dataStore.auth",
            "When driver is not etcd, either tlsConfig or basicAuth must be provided");
      }
      if (tls != null && has(tls, "clientCertificate")) {
        JsonNode cert = tls.get("clientCertificate").get("certificate");
        if (!(has(cert, "secretReference") || has(cert, "content"))) {
          c.add(sp.child("tlsConfig").child("clientCertificate").child("certificate"), null,
              "secretReference or content", "kamaji.dataStore.auth",
              "When driver is not etcd and tlsConfig exists, clientCertificate must be null or contain valid content");
        }
      }
      if (basic) {
        for (String f : List.of("username", "password")) {
          JsonNode ref = spec.get("basicAuth").get(f);
          if (!(has(ref, "secretReference") || has(ref, "content"))) {
            c.add(sp.child("basicAuth").child(f), null, "secretReference or content", "kamaji.dataStore.auth",
                "When driver is not etcd and basicAuth exists, " + f + " must have secretReference or content");
          }
        }
      }
    }
  }
}
