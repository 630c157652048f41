package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.internal.Values;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.core.model.StackChannel;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.StackException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads one document strictly into the typed model: every field must be one the model represents
 * (null fields count as absent, as the API server prunes them).
 */
public final class TypedReader {
  private final String where;
  private final List<Problem> problems = new ArrayList<>();

  /** Why a document stays generic, though it is well-formed. */
  public static final class KeepGeneric extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the signal.
     *
     * @param reason the reason, for a notice
     */
    public KeepGeneric(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * A reader for one document.
   *
   * @param where the document's path, e.g. {@code documents[2]}
   */
  public TypedReader(String where) {
    this.where = where;
  }

  /**
   * The problems found.
   *
   * @return every problem, with paths below the document's
   */
  public List<Problem> problems() {
    return problems;
  }

  private void problem(String path, String value, String fix) {
    problems.add(Problem.of(path.isEmpty() ? where : where + "." + path, Names.shown(value), fix));
  }

  private void missing(String path, String fix) {
    problems.add(Problem.missing(path.isEmpty() ? where : where + "." + path, fix));
  }

  private static String shown(JsonNode n) {
    // control characters escaped, as every received value (Problem shortens it); JSON text escapes its own
    return n.isTextual() ? "\"" + Names.escaped(n.textValue()) + "\"" : n.toString();
  }

  private JsonNode obj(JsonNode n, String path, Set<String> allowed) {
    if (n.isMissingNode() || n.isNull()) {
      return n;
    }
    if (!n.isObject()) {
      problem(path, n.getNodeType().name().toLowerCase(java.util.Locale.ROOT), "use a mapping");
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!allowed.contains(f) && !n.get(f).isNull()) {
        problem(path + "." + f, shown(n.get(f)), "remove it: the typed model does not represent it (known here: "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + "); use ManifestParser.parseLenient for such documents");
      }
    }
    return n;
  }

  private static boolean absent(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull();
  }

  /** Reads an optional scalar: absent is empty; a node that is not {@code ok} is a problem naming {@code expected}. */
  private <T> Optional<T> scalar(JsonNode n, String path, Predicate<JsonNode> ok, String expected, Function<JsonNode, T> value) {
    if (absent(n)) {
      return Optional.empty();
    }
    if (!ok.test(n)) {
      problem(path, shown(n), "use " + expected);
      return Optional.empty();
    }
    return Optional.of(value.apply(n));
  }

  private Optional<String> text(JsonNode n, String path) {
    return scalar(n, path, JsonNode::isTextual, "a string", JsonNode::textValue);
  }

  private String requiredText(JsonNode n, String path) {
    Optional<String> t = text(n, path);
    if (t.isEmpty() && absent(n)) {
      missing(path, "set it; it is required");
    }
    return t.orElse("");
  }

  /**
   * An int, whatever its notation, by the validator's rule: a number whose value is a whole number
   * ({@code 3}, {@code 3.0}, {@code 3e0}) within int's range; {@code 3.5} or {@code 3e9} is a problem.
   */
  private Optional<Integer> integer(JsonNode n, String path) {
    if (absent(n)) {
      return Optional.empty();
    }
    Optional<Integer> v = Values.wholeInt(n);
    if (v.isEmpty()) {
      boolean whole = n.isNumber() && Values.isWhole(n);
      problem(path, shown(n), whole ? "use an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
          : "use an integer");
    }
    return v;
  }

  private Optional<Boolean> bool(JsonNode n, String path) {
    return scalar(n, path, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
  }

  private List<String> strings(JsonNode n, String path) {
    List<String> out = new ArrayList<>();
    if (absent(n)) {
      return out;
    }
    if (!n.isArray()) {
      problem(path, shown(n), "use a list of strings");
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      text(n.get(i), path + "[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  private Map<String, String> stringMap(JsonNode n, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    if (absent(n)) {
      return out;
    }
    if (!n.isObject()) {
      problem(path, shown(n), "use a mapping of strings");
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      text(e.getValue(), path + "." + e.getKey()).ifPresent(v -> out.put(e.getKey(), v));
    }
    return out;
  }

  private void modelProblems(InvalidInputException e) {
    for (Problem p : e.problems()) {
      problem(p.path(), p.value(), p.fix());
    }
  }

  /** Builds a value, turning the model's validation problems into this reader's problems. */
  private <T> Optional<T> build(Supplier<T> builder) {
    try {
      return Optional.of(builder.get());
    } catch (InvalidInputException e) {
      modelProblems(e);
      return Optional.empty();
    }
  }

  /**
   * Reads a ClusterStack.
   *
   * @param d the document
   * @return the value, or empty when there were problems
   */
  public Optional<ClusterStack> clusterStack(JsonNode d) {
    obj(d, "", Set.of("apiVersion", "kind", "metadata", "spec"));
    JsonNode md = obj(d.path("metadata"), "metadata", Set.of("name", "namespace"));
    JsonNode spec = obj(d.path("spec"), "spec",
        Set.of("provider", "name", "kubernetesVersion", "channel", "versions", "autoSubscribe", "noProvider", "providerRef"));
    ClusterStack.Builder b = ClusterStack.builder();
    b.name(requiredText(md.path("name"), "metadata.name"));
    text(md.path("namespace"), "metadata.namespace").ifPresent(b::namespace);
    text(spec.path("provider"), "spec.provider").ifPresent(b::provider);
    b.stackName(requiredText(spec.path("name"), "spec.name"));
    b.kubernetesVersion(requiredText(spec.path("kubernetesVersion"), "spec.kubernetesVersion"));
    text(spec.path("channel"), "spec.channel").ifPresent(c -> {
      if (c.equals("stable")) {
        b.channel(StackChannel.STABLE);
      } else if (c.equals("custom")) {
        b.channel(StackChannel.CUSTOM);
      } else {
        problem("spec.channel", c, "use stable or custom");
      }
    });
    b.versions(strings(spec.path("versions"), "spec.versions"));
    b.autoSubscribe(bool(spec.path("autoSubscribe"), "spec.autoSubscribe").orElse(true));
    boolean noProvider = bool(spec.path("noProvider"), "spec.noProvider").orElse(false);
    JsonNode ref = obj(spec.path("providerRef"), "spec.providerRef", Set.of("apiVersion", "kind", "name"));
    if (!absent(ref)) {
      text(ref.path("kind"), "spec.providerRef.kind").filter(k -> !k.equals("OpenStackClusterStackReleaseTemplate"))
          .ifPresent(k -> problem("spec.providerRef.kind", k, "use OpenStackClusterStackReleaseTemplate, the kind the typed model knows"));
      text(ref.path("apiVersion"), "spec.providerRef.apiVersion").filter(a -> !a.equals(ApiVersions.CSPO))
          .ifPresent(a -> problem("spec.providerRef.apiVersion", a, "use " + ApiVersions.CSPO));
      b.providerRef(requiredText(ref.path("name"), "spec.providerRef.name"));
      if (noProvider) {
        problem("spec.noProvider", "true", "drop noProvider or the providerRef: they exclude each other");
      }
    } else if (!noProvider) {
      problem("spec.noProvider", "false", "set a providerRef, or noProvider: true: the operator's webhook requires providerRef unless noProvider is true");
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(b.build());
    } catch (InvalidInputException e) {
      modelProblems(e);
    } catch (IllegalStateException e) {
      problem("", "", e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Reads a CSPO release template.
   *
   * @param d the document
   * @return the value, or empty when there were problems
   */
  public Optional<CspoReleaseTemplate> cspoTemplate(JsonNode d) {
    obj(d, "", Set.of("apiVersion", "kind", "metadata", "spec"));
    JsonNode md = obj(d.path("metadata"), "metadata", Set.of("name", "namespace"));
    obj(d.path("spec"), "spec", Set.of("template"));
    obj(d.path("spec").path("template"), "spec.template", Set.of("spec"));
    obj(d.path("spec").path("template").path("spec"), "spec.template.spec", Set.of("identityRef"));
    JsonNode id = obj(d.path("spec").path("template").path("spec").path("identityRef"), "spec.template.spec.identityRef",
        Set.of("kind", "name"));
    CspoReleaseTemplate.Builder b = CspoReleaseTemplate.builder();
    b.name(requiredText(md.path("name"), "metadata.name"));
    text(md.path("namespace"), "metadata.namespace").ifPresent(b::namespace);
    text(id.path("kind"), "identityRef.kind").filter(k -> !k.equals("Secret"))
        .ifPresent(k -> problem("spec.template.spec.identityRef.kind", k, "use Secret, the only kind known"));
    text(id.path("name"), "identityRef.name").ifPresent(b::identitySecretName);
    return problems.isEmpty() ? Optional.of(b.build()) : Optional.empty();
  }

  /**
   * Reads an ORC Image.
   *
   * @param d the document
   * @return the value, or empty when there were problems
   */
  public Optional<OrcImage> orcImage(JsonNode d) {
    obj(d, "", Set.of("apiVersion", "kind", "metadata", "spec"));
    JsonNode md = obj(d.path("metadata"), "metadata", Set.of("name", "namespace"));
    JsonNode spec = obj(d.path("spec"), "spec", Set.of("cloudCredentialsRef", "managementPolicy", "resource"));
    JsonNode cred = obj(spec.path("cloudCredentialsRef"), "spec.cloudCredentialsRef", Set.of("cloudName", "secretName"));
    text(spec.path("managementPolicy"), "spec.managementPolicy").filter(p -> !p.equals("managed"))
        .ifPresent(p -> problem("spec.managementPolicy", p, "use managed: the typed model renders managed images only"));
    JsonNode res = obj(spec.path("resource"), "spec.resource", Set.of("name", "visibility", "properties", "content"));
    JsonNode props = obj(res.path("properties"), "spec.resource.properties",
        Set.of("hardware", "architecture", "minDiskGB", "minMemoryMB", "operatingSystem"));
    JsonNode hw = obj(props.path("hardware"), "spec.resource.properties.hardware",
        Set.of("diskBus", "scsiModel", "vifModel", "qemuGuestAgent", "rngModel"));
    JsonNode os = obj(props.path("operatingSystem"), "spec.resource.properties.operatingSystem", Set.of("distro", "version"));
    JsonNode content = obj(res.path("content"), "spec.resource.content", Set.of("diskFormat", "download"));
    JsonNode dl = obj(content.path("download"), "spec.resource.content.download", Set.of("url", "hash"));
    JsonNode hash = obj(dl.path("hash"), "spec.resource.content.download.hash", Set.of("algorithm", "value"));
    OrcImage.Builder b = OrcImage.builder();
    b.name(requiredText(md.path("name"), "metadata.name"));
    text(cred.path("secretName"), "spec.cloudCredentialsRef.secretName").filter(x -> !x.equals("openstack")).ifPresent(b::secretName);
    text(cred.path("cloudName"), "spec.cloudCredentialsRef.cloudName").filter(x -> !x.equals("openstack")).ifPresent(b::cloudName);
    text(res.path("name"), "spec.resource.name").ifPresent(b::glanceName);
    text(res.path("visibility"), "spec.resource.visibility").ifPresent(b::visibility);
    text(hw.path("diskBus"), "spec.resource.properties.hardware.diskBus").ifPresent(b::diskBus);
    text(hw.path("scsiModel"), "spec.resource.properties.hardware.scsiModel").ifPresent(b::scsiModel);
    text(hw.path("vifModel"), "spec.resource.properties.hardware.vifModel").ifPresent(b::vifModel);
    bool(hw.path("qemuGuestAgent"), "spec.resource.properties.hardware.qemuGuestAgent").ifPresent(b::qemuGuestAgent);
    text(hw.path("rngModel"), "spec.resource.properties.hardware.rngModel").ifPresent(b::rngModel);
    text(props.path("architecture"), "spec.resource.properties.architecture").ifPresent(b::architecture);
    integer(props.path("minDiskGB"), "spec.resource.properties.minDiskGB").ifPresent(b::minDiskGB);
    integer(props.path("minMemoryMB"), "spec.resource.properties.minMemoryMB").ifPresent(b::minMemoryMB);
    text(os.path("distro"), "spec.resource.properties.operatingSystem.distro").ifPresent(b::osDistro);
    text(os.path("version"), "spec.resource.properties.operatingSystem.version").ifPresent(b::osVersion);
    text(content.path("diskFormat"), "spec.resource.content.diskFormat").ifPresent(b::diskFormat);
    b.url(requiredText(dl.path("url"), "spec.resource.content.download.url"));
    text(hash.path("algorithm"), "spec.resource.content.download.hash.algorithm").ifPresent(b::checksumAlgorithm);
    b.checksum(requiredText(hash.path("value"), "spec.resource.content.download.hash.value"));
    return problems.isEmpty() ? build(b::build) : Optional.empty();
  }

  /**
   * Reads a topology-mode Cluster.
   *
   * @param d the document
   * @param releases the release catalogue for the version check
   * @return the value, or empty when there were problems
   * @throws KeepGeneric when the Cluster is well-formed but not typed (raw Cluster, unknown stack)
   */
  public Optional<ClusterSpec> cluster(JsonNode d, ReleaseCatalogue releases) {
    JsonNode topo = d.path("spec").path("topology");
    if (absent(topo)) {
      throw new KeepGeneric("a Cluster without spec.topology (raw CAPI) is kept generic");
    }
    String cls = topo.path("class").asText("");
    Optional<ClusterClassName> cn = ClusterClassName.tryParse(cls);
    if (cn.isEmpty()) {
      throw new KeepGeneric("class '" + Names.shown(cls) + "' is not a cluster-stack class name; kept generic");
    }
    if (StackDialects.forClass(cn.get()).isEmpty()) {
      throw new KeepGeneric("stack '" + Names.shown(cn.get().stackName()) + "' (class " + Names.shown(cls)
          + ") has no typed dialect; kept generic");
    }
    obj(d, "", Set.of("apiVersion", "kind", "metadata", "spec"));
    JsonNode md = obj(d.path("metadata"), "metadata", Set.of("name", "namespace", "labels"));
    JsonNode spec = obj(d.path("spec"), "spec", Set.of("clusterNetwork", "topology"));
    obj(topo, "spec.topology", Set.of("class", "classNamespace", "version", "controlPlane", "variables", "workers"));
    ClusterSpec.Builder b = ClusterSpec.builder().mode(OutputMode.TOPOLOGY).releases(releases);
    b.name(requiredText(md.path("name"), "metadata.name"));
    text(md.path("namespace"), "metadata.namespace").ifPresent(b::namespace);
    b.labels(stringMap(md.path("labels"), "metadata.labels"));
    JsonNode cnw = obj(spec.path("clusterNetwork"), "spec.clusterNetwork", Set.of("pods", "services", "serviceDomain"));
    if (!absent(cnw)) {
      ClusterNetwork.Builder nb = ClusterNetwork.builder();
      JsonNode pods = obj(cnw.path("pods"), "spec.clusterNetwork.pods", Set.of("cidrBlocks"));
      JsonNode services = obj(cnw.path("services"), "spec.clusterNetwork.services", Set.of("cidrBlocks"));
      nb.pods(strings(pods.path("cidrBlocks"), "spec.clusterNetwork.pods.cidrBlocks"));
      nb.services(strings(services.path("cidrBlocks"), "spec.clusterNetwork.services.cidrBlocks"));
      text(cnw.path("serviceDomain"), "spec.clusterNetwork.serviceDomain").ifPresent(nb::serviceDomain);
      b.clusterNetwork(nb.build());
    }
    b.className(cn.get());
    text(topo.path("classNamespace"), "spec.topology.classNamespace").ifPresent(b::classNamespace);
    b.kubernetesVersion(requiredText(topo.path("version"), "spec.topology.version"));
    JsonNode cp = obj(topo.path("controlPlane"), "spec.topology.controlPlane", Set.of("replicas"));
    integer(cp.path("replicas"), "spec.topology.controlPlane.replicas").ifPresent(b::controlPlaneReplicas);
    b.variables(variables(topo.path("variables"), "spec.topology.variables"));
    JsonNode workers = obj(topo.path("workers"), "spec.topology.workers", Set.of("machineDeployments"));
    JsonNode mds = workers.path("machineDeployments");
    if (!absent(mds)) {
      if (!mds.isArray()) {
        problem("spec.topology.workers.machineDeployments", shown(mds), "use a list");
      } else {
        for (int i = 0; i < mds.size(); i++) {
          machineDeployment(mds.get(i), "spec.topology.workers.machineDeployments[" + i + "]").ifPresent(b::addMachineDeployments);
        }
      }
    }
    return problems.isEmpty() ? build(b::build) : Optional.empty();
  }

  private Map<String, Object> variables(JsonNode n, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (absent(n)) {
      return out;
    }
    if (!n.isArray()) {
      problem(path, shown(n), "use a list of {name, value}");
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode v = obj(n.get(i), p, Set.of("name", "value"));
      String name = requiredText(v.path("name"), p + ".name");
      JsonNode value = v.path("value");
      if (absent(value)) {
        missing(p + ".value", "set the variable's value; it is required");
        continue;
      }
      if (out.containsKey(name)) {
        problem(p + ".name", name, "set each variable once");
      }
      try {
        out.put(name, Values.normalize(value));
      } catch (ClusterStacksException e) {
        problem(p + ".value", shown(value), e.getMessage());
      }
    }
    return out;
  }

  private Optional<MachineDeploymentSpec> machineDeployment(JsonNode n, String path) {
    JsonNode m = obj(n, path, Set.of("class", "name", "replicas", "failureDomain", "strategy", "variables"));
    MachineDeploymentSpec.Builder b = MachineDeploymentSpec.builder();
    b.name(requiredText(m.path("name"), path + ".name"));
    text(m.path("class"), path + ".class").ifPresent(b::workerClass);
    Optional<Integer> r = integer(m.path("replicas"), path + ".replicas");
    if (r.isEmpty() && absent(m.path("replicas"))) {
      missing(path + ".replicas", "set an explicit replica count; the typed model needs one");
    }
    b.replicas(r.orElse(0));
    text(m.path("failureDomain"), path + ".failureDomain").ifPresent(b::failureDomain);
    JsonNode st = obj(m.path("strategy"), path + ".strategy", Set.of("type", "rollingUpdate"));
    if (!absent(st)) {
      text(st.path("type"), path + ".strategy.type").filter(t -> !t.equals("RollingUpdate"))
          .ifPresent(t -> problem(path + ".strategy.type", t, "use RollingUpdate, the strategy the typed model knows"));
      JsonNode ru = obj(st.path("rollingUpdate"), path + ".strategy.rollingUpdate", Set.of("maxSurge", "maxUnavailable"));
      RolloutStrategy.Builder sb = io.clusterstacks.core.model.RolloutStrategy.builder();
      intOrPercent(ru.path("maxSurge"), path + ".strategy.rollingUpdate.maxSurge").ifPresent(sb::maxSurge);
      intOrPercent(ru.path("maxUnavailable"), path + ".strategy.rollingUpdate.maxUnavailable").ifPresent(sb::maxUnavailable);
      b.strategy(sb.build());
    }
    JsonNode vars = obj(m.path("variables"), path + ".variables", Set.of("overrides"));
    b.variableOverrides(variables(vars.path("overrides"), path + ".variables.overrides"));
    return build(b::build);
  }

  private Optional<IntOrPercent> intOrPercent(JsonNode n, String path) {
    if (absent(n)) {
      return Optional.empty();
    }
    try {
      if (n.isNumber()) {
        Optional<Integer> count = Values.wholeInt(n).filter(c -> c >= 0);
        if (count.isEmpty()) {
          problem(path, shown(n), "use a count from 0 to " + Integer.MAX_VALUE + " or a percentage from 0% to 100%");
          return Optional.empty();
        }
        return Optional.of(IntOrPercent.of(count.get()));
      }
      if (n.isTextual()) {
        return Optional.of(IntOrPercent.parse(n.textValue()));
      }
    } catch (ClusterStacksException e) {
      problem(path, shown(n), e.getMessage());
      return Optional.empty();
    }
    problem(path, shown(n), "use an integer or a percentage such as 25%");
    return Optional.empty();
  }

  /**
   * Checks that a class name parses (for callers that need the error text).
   *
   * @param text the class name
   * @return the error, or empty
   */
  public static Optional<String> classNameError(String text) {
    try {
      ClusterClassName.parse(text);
      return Optional.empty();
    } catch (StackException e) {
      return Optional.of(e.getMessage());
    }
  }
}
