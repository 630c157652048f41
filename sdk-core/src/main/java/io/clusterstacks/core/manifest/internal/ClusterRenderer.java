package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.manifest.Notice;
import io.clusterstacks.core.manifest.RenderOptions;
import io.clusterstacks.core.model.ApiServerLoadBalancer;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.NodeNetwork;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.VariableSpec;
import io.clusterstacks.core.stack.VersionCheck;
import io.clusterstacks.core.stack.WorkloadSecretStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns the cluster model into Kubernetes object trees, in apply order. */
public final class ClusterRenderer {
  /** CAPI core group version. */
  public static final String CAPI = "cluster.x-k8s.io/v1beta1";
  /** CAPO group version. */
  public static final String CAPO = "infrastructure.cluster.x-k8s.io/v1beta1";
  /** KubeadmControlPlane group version. */
  public static final String KCP = "controlplane.cluster.x-k8s.io/v1beta1";
  /** Kubeadm bootstrap group version. */
  public static final String CABPK = "bootstrap.cluster.x-k8s.io/v1beta1";
  /** ORC group version. */
  public static final String ORC = "openstack.k-orc.cloud/v1alpha1";
  /** CSO group version. */
  public static final String CSO = "clusterstack.x-k8s.io/v1alpha1";
  /** CSPO group version. */
  public static final String CSPO = "infrastructure.clusterstack.x-k8s.io/v1alpha1";
  /** The label a ClusterResourceSet selects for credentials. */
  public static final String CREDENTIALS_LABEL = "clusterstacks.io/cloud-credentials";
  /** The SCS label a ClusterResourceSet selects for the workload Secret. */
  public static final String MANAGED_SECRET_LABEL = "managed-secret";

  private final ClusterSpec s;
  private final RenderOptions options;
  private final List<ObjectNode> docs = new ArrayList<>();
  private final List<Notice> notices = new ArrayList<>();

  private ClusterRenderer(ClusterSpec s, RenderOptions options) {
    this.s = s;
    this.options = options;
  }

  /**
   * Renders a cluster.
   *
   * @param s the spec
   * @param options the options
   * @param docsOut where the documents go
   * @param noticesOut where the notices go
   */
  public static void render(ClusterSpec s, RenderOptions options, List<ObjectNode> docsOut, List<Notice> noticesOut) {
    ClusterRenderer r = new ClusterRenderer(s, options);
    r.run();
    docsOut.addAll(r.docs);
    noticesOut.addAll(r.notices);
  }

  private void run() {
    checkServerGroups();
    if (options.includeClusterStack() && s.mode() == OutputMode.TOPOLOGY) {
      Optional<String> stackNs = s.classNamespace().or(s::namespace);
      s.clusterStack().ifPresent(cs -> docs.add(clusterStack(cs.namespace().isPresent() ? cs
          : cs.toBuilder().namespace(stackNs).build())));
      s.cspoTemplate().ifPresent(t -> docs.add(cspoTemplate(t.namespace().isPresent() ? t
          : io.clusterstacks.core.model.CspoReleaseTemplate.builder().from(t).namespace(stackNs).build())));
    }
    s.versionCheck().filter(v -> v.status() == VersionCheck.Status.PARTIAL && s.mode() == OutputMode.TOPOLOGY)
        .ifPresent(v -> notices.add(Notice.of(Severity.WARNING, Notice.Code.VERSION_CHECK_PARTIAL, v.message())));
    if (options.includeCredentials()) {
      s.credentials().ifPresent(this::credentials);
    }
    orcImages();
    if (s.mode() == OutputMode.TOPOLOGY) {
      docs.add(topologyCluster());
    } else {
      raw();
    }
  }

  // ---- server groups ----------------------------------------------------------------------------

  private void checkServerGroups() {
    List<String> problems = new ArrayList<>();
    Map<String, MachineInputs> roles = roleInputs();
    for (Map.Entry<String, MachineInputs> e : roles.entrySet()) {
      Optional<ServerGroupRef> sg = e.getValue().serverGroup();
      if (sg.isEmpty()) {
        continue;
      }
      if (sg.get() instanceof ServerGroupRef.Unresolved u) {
        problems.add(e.getKey() + ".serverGroup is unresolved (" + u.why() + "): resolve it to ServerGroupRef.known(id) "
            + "for an existing group, or ServerGroupRef.toCreate(name, policy)"
            + (s.mode() == OutputMode.RAW_CAPI ? " (raw mode then renders an ORC ServerGroup)" : "")
            + ", or leave the server group out");
      } else if (sg.get() instanceof ServerGroupRef.ToCreate c && s.mode() == OutputMode.TOPOLOGY) {
        problems.add(e.getKey() + ".serverGroup '" + c.name() + "' (" + c.policy().novaName() + ") does not exist yet, and "
            + "the ClusterClass variable takes its ID: create it first (sdk-openstack, or `openstack "
            + (c.maxServerPerHost().isPresent() ? "--os-compute-api-version 2.64 " : "") + "server group create --policy "
            + c.policy().novaName() + (c.maxServerPerHost().isPresent() ? " --rule max_server_per_host="
                + c.maxServerPerHost().getAsInt() : "") + " " + c.name() + "`) and pass ServerGroupRef.known(id), or use "
            + "OutputMode.RAW_CAPI, which renders an ORC ServerGroup referenced by name");
      }
    }
    if (!problems.isEmpty()) {
      throw new UnresolvedServerGroupException("cannot render cluster " + s.name() + " in " + s.mode() + " mode: "
          + String.join("; ", problems));
    }
  }

  private Map<String, MachineInputs> roleInputs() {
    Map<String, MachineInputs> m = new LinkedHashMap<>();
    boolean cpMachines = s.mode() == OutputMode.RAW_CAPI || s.dialect().map(d -> d.hasMachines(Role.CONTROL_PLANE)).orElse(true);
    if (cpMachines) {
      m.put("controlPlane", s.controlPlane());
    }
    if (s.mode() == OutputMode.TOPOLOGY) {
      m.put("workers", s.workers());
    }
    for (MachineDeploymentSpec md : s.machineDeployments()) {
      m.put("machineDeployments[" + md.name() + "]", s.workerInputs(md));
    }
    return m;
  }

  // ---- shared pieces ----------------------------------------------------------------------------

  private static ObjectNode obj() {
    return Yaml.NODES.objectNode();
  }

  private ObjectNode header(String apiVersion, String kind, String name, Optional<String> namespace) {
    ObjectNode d = obj();
    d.put("apiVersion", apiVersion);
    d.put("kind", kind);
    ObjectNode md = d.putObject("metadata");
    md.put("name", name);
    namespace.ifPresent(n -> md.put("namespace", n));
    return d;
  }

  private ObjectNode header(String apiVersion, String kind, String name) {
    return header(apiVersion, kind, name, s.namespace());
  }

  /**
   * Renders a ClusterStack.
   *
   * @param cs the ClusterStack
   * @return the tree
   */
  public static ObjectNode clusterStack(ClusterStack cs) {
    ObjectNode d = obj();
    d.put("apiVersion", CSO);
    d.put("kind", "ClusterStack");
    ObjectNode md = d.putObject("metadata");
    md.put("name", cs.name());
    cs.namespace().ifPresent(n -> md.put("namespace", n));
    ObjectNode spec = d.putObject("spec");
    spec.put("provider", cs.provider());
    spec.put("name", cs.stackName());
    spec.put("kubernetesVersion", cs.kubernetesVersion());
    spec.put("channel", cs.channel().value());
    spec.put("autoSubscribe", cs.autoSubscribe());
    if (cs.noProvider()) {
      spec.put("noProvider", true);
    } else {
      ObjectNode ref = spec.putObject("providerRef");
      ref.put("apiVersion", CSPO);
      ref.put("kind", "OpenStackClusterStackReleaseTemplate");
      ref.put("name", cs.providerRef().get());
    }
    ArrayNode versions = spec.putArray("versions");
    cs.versions().forEach(versions::add);
    return d;
  }

  /**
   * Renders a CSPO release template.
   *
   * @param t the template
   * @return the tree
   */
  public static ObjectNode cspoTemplate(CspoReleaseTemplate t) {
    ObjectNode d = obj();
    d.put("apiVersion", CSPO);
    d.put("kind", "OpenStackClusterStackReleaseTemplate");
    ObjectNode md = d.putObject("metadata");
    md.put("name", t.name());
    t.namespace().ifPresent(n -> md.put("namespace", n));
    ObjectNode id = d.putObject("spec").putObject("template").putObject("spec").putObject("identityRef");
    id.put("kind", "Secret");
    id.put("name", t.identitySecretName());
    return d;
  }

  /**
   * Renders an ORC Image.
   *
   * @param img the image
   * @param namespace the namespace
   * @param secretName the credentials Secret
   * @param cloudName the cloud name in clouds.yaml
   * @return the tree
   */
  public static ObjectNode orcImage(OrcImage img, Optional<String> namespace, String secretName, String cloudName) {
    ObjectNode d = obj();
    d.put("apiVersion", ORC);
    d.put("kind", "Image");
    ObjectNode md = d.putObject("metadata");
    md.put("name", img.name());
    namespace.ifPresent(n -> md.put("namespace", n));
    ObjectNode spec = d.putObject("spec");
    ObjectNode cred = spec.putObject("cloudCredentialsRef");
    cred.put("cloudName", img.cloudName().orElse(cloudName));
    cred.put("secretName", img.secretName().orElse(secretName));
    spec.put("managementPolicy", "managed");
    ObjectNode res = spec.putObject("resource");
    img.glanceName().ifPresent(n -> res.put("name", n));
    img.visibility().ifPresent(v -> res.put("visibility", v));
    ObjectNode props = obj();
    ObjectNode hw = obj();
    img.diskBus().ifPresent(v -> hw.put("diskBus", v));
    img.scsiModel().ifPresent(v -> hw.put("scsiModel", v));
    img.vifModel().ifPresent(v -> hw.put("vifModel", v));
    img.qemuGuestAgent().ifPresent(v -> hw.put("qemuGuestAgent", v));
    img.rngModel().ifPresent(v -> hw.put("rngModel", v));
    if (!hw.isEmpty()) {
      props.set("hardware", hw);
    }
    img.architecture().ifPresent(v -> props.put("architecture", v));
    if (img.minDiskGB().isPresent()) {
      props.put("minDiskGB", img.minDiskGB().getAsInt());
    }
    if (img.minMemoryMB().isPresent()) {
      props.put("minMemoryMB", img.minMemoryMB().getAsInt());
    }
    if (img.osDistro().isPresent() || img.osVersion().isPresent()) {
      ObjectNode os = props.putObject("operatingSystem");
      img.osDistro().ifPresent(v -> os.put("distro", v));
      img.osVersion().ifPresent(v -> os.put("version", v));
    }
    if (!props.isEmpty()) {
      res.set("properties", props);
    }
    ObjectNode content = res.putObject("content");
    content.put("diskFormat", img.diskFormat());
    ObjectNode dl = content.putObject("download");
    dl.put("url", img.url());
    ObjectNode hash = dl.putObject("hash");
    hash.put("algorithm", img.checksumAlgorithm());
    hash.put("value", img.checksum());
    return d;
  }

  private String secretName() {
    return s.credentials().map(CloudCredentials::secretName).orElse("openstack");
  }

  private String cloudName() {
    return s.credentials().map(CloudCredentials::cloudName).orElse("openstack");
  }

  private WorkloadSecretStyle workloadStyle() {
    return s.dialect().map(StackDialect::workloadSecret).orElse(WorkloadSecretStyle.CLOUDS_YAML);
  }

  private void credentials(CloudCredentials c) {
    boolean bodies = options.includeSecretBodies();
    ObjectNode mgmt = header("v1", "Secret", c.secretName());
    ((ObjectNode) mgmt.get("metadata")).putObject("labels").put("clusterctl.cluster.x-k8s.io/move", "true");
    mgmt.put("type", "Opaque");
    String cloudsYaml = bodies ? Credentials.cloudsYaml(c, "") : "";
    if (bodies) {
      ObjectNode data = mgmt.putObject("stringData");
      data.put("clouds.yaml", cloudsYaml);
      c.caCert().ifPresent(ca -> data.put("cacert", ca));
    }
    docs.add(mgmt);

    WorkloadSecretStyle style = workloadStyle();
    String crsName = c.secretName() + "-" + style.secretName();
    ObjectNode workload = header("v1", "Secret", crsName);
    workload.put("type", "addons.cluster.x-k8s.io/resource-set");
    if (bodies) {
      String inner;
      if (style == WorkloadSecretStyle.CLOUDS_YAML) {
        inner = Credentials.workloadSecret(style.secretName(), style.dataKey(),
            c.caCert().isPresent() ? Credentials.cloudsYaml(c, "/etc/openstack/cacert") : cloudsYaml,
            c.caCert().isPresent() ? "cacert" : "", c.caCert().orElse(""));
      } else {
        inner = Credentials.workloadSecret(style.secretName(), style.dataKey(), Credentials.cloudConf(c),
            c.caCert().isPresent() ? "ca.crt" : "", c.caCert().orElse(""));
      }
      workload.putObject("stringData").put(style.secretName() + "-secret.yaml", inner);
    }
    docs.add(workload);

    ObjectNode crs = header("addons.cluster.x-k8s.io/v1beta1", "ClusterResourceSet", crsName);
    ObjectNode spec = crs.putObject("spec");
    spec.put("strategy", "Reconcile");
    ObjectNode ml = spec.putObject("clusterSelector").putObject("matchLabels");
    ml.put(CREDENTIALS_LABEL, c.secretName());
    ml.put(MANAGED_SECRET_LABEL, style.secretName());
    ObjectNode res = spec.putArray("resources").addObject();
    res.put("kind", "Secret");
    res.put("name", crsName);
    docs.add(crs);
    if (!bodies) {
      notices.add(Notice.of(Severity.WARNING, Notice.Code.SECRET_BODIES_OMITTED, "Secret bodies were left out (GitOps): "
          + "create Secret " + c.secretName() + " with key clouds.yaml, and Secret " + crsName + " of type "
          + "addons.cluster.x-k8s.io/resource-set holding a kube-system/" + style.secretName() + " Secret with key "
          + style.dataKey() + ", out of band (e.g. sealed-secrets or external-secrets)"));
    }
  }

  private void orcImages() {
    Map<String, OrcImage> images = new TreeMap<>();
    List<Problem> p = new ArrayList<>();
    for (Map.Entry<String, MachineInputs> e : roleInputs().entrySet()) {
      Optional<ImageRef> img = e.getValue().image();
      if (img.isPresent() && img.get() instanceof ImageRef.OrcCreate c) {
        OrcImage prev = images.putIfAbsent(c.image().name(), c.image());
        if (prev != null && !prev.equals(c.image())) {
          p.add(Problem.of(e.getKey() + ".image", c.image().name(), "another role defines a different ORC Image "
              + "with the same name; give each image its own name"));
        }
      }
    }
    InvalidInputException.throwIfAny(p);
    for (OrcImage img : images.values()) {
      docs.add(orcImage(img, s.namespace(), secretName(), cloudName()));
    }
  }

  private ObjectNode clusterMetadataLabels(ObjectNode cluster) {
    TreeMap<String, String> labels = new TreeMap<>(s.labels());
    if (s.credentials().isPresent()) {
      labels.putIfAbsent(MANAGED_SECRET_LABEL, workloadStyle().secretName());
      labels.putIfAbsent(CREDENTIALS_LABEL, secretName());
    }
    if (!labels.isEmpty()) {
      ObjectNode l = ((ObjectNode) cluster.get("metadata")).putObject("labels");
      labels.forEach(l::put);
    }
    return cluster;
  }

  private void clusterNetwork(ObjectNode spec) {
    s.clusterNetwork().ifPresent(n -> {
      ObjectNode cn = spec.putObject("clusterNetwork");
      if (!n.pods().isEmpty()) {
        ArrayNode a = cn.putObject("pods").putArray("cidrBlocks");
        n.pods().forEach(a::add);
      }
      if (!n.services().isEmpty()) {
        ArrayNode a = cn.putObject("services").putArray("cidrBlocks");
        n.services().forEach(a::add);
      }
      n.serviceDomain().ifPresent(d -> cn.put("serviceDomain", d));
    });
  }

  private static ArrayNode variableList(Map<String, Object> vars) {
    ArrayNode a = Yaml.NODES.arrayNode();
    for (Map.Entry<String, Object> e : new TreeMap<>(vars).entrySet()) {
      ObjectNode v = a.addObject();
      v.put("name", e.getKey());
      v.set("value", Yaml.toNode(e.getValue()));
    }
    return a;
  }

  private static ObjectNode strategy(RolloutStrategy st) {
    ObjectNode o = obj();
    o.put("type", "RollingUpdate");
    if (st.maxSurge().isPresent() || st.maxUnavailable().isPresent()) {
      ObjectNode ru = o.putObject("rollingUpdate");
      st.maxSurge().ifPresent(v -> putIntOrPercent(ru, "maxSurge", v));
      st.maxUnavailable().ifPresent(v -> putIntOrPercent(ru, "maxUnavailable", v));
    }
    return o;
  }

  private static void putIntOrPercent(ObjectNode o, String field, IntOrPercent v) {
    if (v.percent()) {
      o.put(field, v.toString());
    } else {
      o.put(field, v.value());
    }
  }

  // ---- topology ---------------------------------------------------------------------------------

  private ObjectNode topologyCluster() {
    ObjectNode c = clusterMetadataLabels(header(CAPI, "Cluster", s.name()));
    ObjectNode spec = c.putObject("spec");
    clusterNetwork(spec);
    ObjectNode t = spec.putObject("topology");
    t.put("class", s.className().orElseThrow().format());
    s.classNamespace().ifPresent(n -> t.put("classNamespace", n));
    t.put("version", s.kubernetesVersion().orElseThrow());
    t.putObject("controlPlane").put("replicas", s.controlPlaneReplicas());
    Map<String, Object> vars = s.topologyVariables();
    if (!vars.isEmpty()) {
      t.set("variables", variableList(vars));
    }
    if (!s.machineDeployments().isEmpty()) {
      ArrayNode mds = t.putObject("workers").putArray("machineDeployments");
      for (MachineDeploymentSpec md : s.machineDeployments()) {
        ObjectNode m = mds.addObject();
        m.put("class", md.workerClass().orElse(s.dialect().map(StackDialect::workerClass).orElse("default-worker")));
        m.put("name", md.name());
        m.put("replicas", md.replicas());
        md.failureDomain().ifPresent(f -> m.put("failureDomain", f));
        md.strategy().ifPresent(st -> m.set("strategy", strategy(st)));
        Map<String, Object> overrides = s.topologyOverrides(md);
        if (!overrides.isEmpty()) {
          m.putObject("variables").set("overrides", variableList(overrides));
        }
      }
    }
    return c;
  }

  // ---- raw --------------------------------------------------------------------------------------

  private void raw() {
    notices.add(Notice.of(Severity.WARNING, Notice.Code.RAW_MODE_NO_ADDONS, "Raw CAPI mode: no cluster stack operator "
        + "installs addons for this cluster (no CNI, no OpenStack cloud controller manager, no Cinder CSI, no "
        + "metrics-server). Nodes run with cloud-provider=external and stay NotReady (tainted "
        + "node.cloudprovider.kubernetes.io/uninitialized) until you install a cloud controller manager and a CNI, "
        + "e.g. with a ClusterResourceSet or Helm."));
    String version = s.kubernetesVersion().orElseThrow();
    String cpName = s.name() + "-control-plane";
    rawServerGroups();

    ObjectNode cluster = clusterMetadataLabels(header(CAPI, "Cluster", s.name()));
    ObjectNode cspec = cluster.putObject("spec");
    clusterNetwork(cspec);
    ObjectNode cpRef = cspec.putObject("controlPlaneRef");
    cpRef.put("apiVersion", KCP);
    cpRef.put("kind", "KubeadmControlPlane");
    cpRef.put("name", cpName);
    ObjectNode infraRef = cspec.putObject("infrastructureRef");
    infraRef.put("apiVersion", CAPO);
    infraRef.put("kind", "OpenStackCluster");
    infraRef.put("name", s.name());
    docs.add(cluster);

    docs.add(openStackCluster());

    ObjectNode kcp = header(KCP, "KubeadmControlPlane", cpName);
    ObjectNode kspec = kcp.putObject("spec");
    kspec.put("replicas", s.controlPlaneReplicas());
    kspec.put("version", version);
    ObjectNode mt = kspec.putObject("machineTemplate").putObject("infrastructureRef");
    mt.put("apiVersion", CAPO);
    mt.put("kind", "OpenStackMachineTemplate");
    mt.put("name", cpName);
    if (s.controlPlaneMaxSurge().isPresent()) {
      ObjectNode rs = kspec.putObject("rolloutStrategy");
      rs.put("type", "RollingUpdate");
      rs.putObject("rollingUpdate").put("maxSurge", s.controlPlaneMaxSurge().getAsInt());
    }
    kspec.set("kubeadmConfigSpec", kubeadmConfig(true, s.controlPlane().bootstrap()));
    docs.add(kcp);
    docs.add(machineTemplate(cpName, Role.CONTROL_PLANE, s.controlPlane(), version));

    for (MachineDeploymentSpec md : s.machineDeployments()) {
      String n = s.name() + "-" + md.name();
      MachineInputs in = s.workerInputs(md);
      ObjectNode kct = header(CABPK, "KubeadmConfigTemplate", n);
      kct.putObject("spec").putObject("template").set("spec", kubeadmConfig(false, in.bootstrap()));
      docs.add(kct);
      docs.add(machineTemplate(n, Role.WORKER, in, version));
      ObjectNode mdDoc = header(CAPI, "MachineDeployment", n);
      ObjectNode mspec = mdDoc.putObject("spec");
      mspec.put("clusterName", s.name());
      mspec.put("replicas", md.replicas());
      mspec.putObject("selector").putObject("matchLabels");
      md.strategy().ifPresent(st -> mspec.set("strategy", strategy(st)));
      ObjectNode tspec = mspec.putObject("template").putObject("spec");
      tspec.put("clusterName", s.name());
      tspec.put("version", version);
      md.failureDomain().ifPresent(f -> tspec.put("failureDomain", f));
      ObjectNode cfg = tspec.putObject("bootstrap").putObject("configRef");
      cfg.put("apiVersion", CABPK);
      cfg.put("kind", "KubeadmConfigTemplate");
      cfg.put("name", n);
      ObjectNode ir = tspec.putObject("infrastructureRef");
      ir.put("apiVersion", CAPO);
      ir.put("kind", "OpenStackMachineTemplate");
      ir.put("name", n);
      docs.add(mdDoc);
    }
    boolean ignition = roleInputs().values().stream()
        .anyMatch(m -> m.bootstrap().map(b -> b.format() == BootstrapFormat.IGNITION).orElse(false));
    if (ignition) {
      notices.add(Notice.of(Severity.WARNING, Notice.Code.IGNITION_FEATURE_GATE, "Ignition bootstrap needs the CAPI "
          + "feature gate EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true on the management cluster"));
    }
  }

  private void rawServerGroups() {
    Map<String, ServerGroupRef.ToCreate> groups = new TreeMap<>();
    List<Problem> p = new ArrayList<>();
    for (Map.Entry<String, MachineInputs> e : roleInputs().entrySet()) {
      if (e.getValue().serverGroup().isPresent() && e.getValue().serverGroup().get() instanceof ServerGroupRef.ToCreate c) {
        if (!Names.isDns1123Subdomain(c.name())) {
          p.add(Problem.of(e.getKey() + ".serverGroup.name", c.name(), "the ORC ServerGroup object needs a DNS-1123 "
              + "name: lower case, digits, '-' and '.'"));
        }
        ServerGroupRef.ToCreate prev = groups.putIfAbsent(c.name(), c);
        if (prev != null && !prev.equals(c)) {
          p.add(Problem.of(e.getKey() + ".serverGroup", c.name(), "another role uses a group of that name with a "
              + "different policy; give each group its own name"));
        }
      }
    }
    InvalidInputException.throwIfAny(p);
    for (ServerGroupRef.ToCreate g : groups.values()) {
      ObjectNode d = header(ORC, "ServerGroup", g.name());
      ObjectNode spec = d.putObject("spec");
      ObjectNode cred = spec.putObject("cloudCredentialsRef");
      cred.put("cloudName", cloudName());
      cred.put("secretName", secretName());
      spec.put("managementPolicy", "managed");
      ObjectNode res = spec.putObject("resource");
      res.put("name", g.name());
      res.put("policy", g.policy().novaName());
      if (g.maxServerPerHost().isPresent()) {
        res.putObject("rules").put("maxServerPerHost", g.maxServerPerHost().getAsInt());
      }
      docs.add(d);
    }
    if (!groups.isEmpty()) {
      notices.add(Notice.of(Severity.INFO, Notice.Code.ORC_SERVER_GROUPS, "server groups " + String.join(", ", groups.keySet())
          + " are created by ORC (v2.2.0 or later) and machines find them by name; machines fail to create until ORC has "
          + "made them"));
    }
  }

  private Optional<VariableSpec> dialectVar(CommonVariable v) {
    return s.dialect().flatMap(d -> d.variableFor(v));
  }

  private ObjectNode openStackCluster() {
    ObjectNode d = header(CAPO, "OpenStackCluster", s.name());
    ObjectNode spec = d.putObject("spec");
    ObjectNode id = spec.putObject("identityRef");
    id.put("cloudName", cloudName());
    id.put("name", secretName());
    Optional<NodeNetwork> nn = s.nodeNetwork();
    Optional<String> nodeCidr = s.effectiveNodeCidr();
    if (nodeCidr.isPresent()) {
      ObjectNode subnet = spec.putArray("managedSubnets").addObject();
      subnet.put("cidr", nodeCidr.get());
      List<String> dns = nn.map(NodeNetwork::dnsNameservers).filter(l -> !l.isEmpty())
          .orElseGet(() -> defaultStrings(CommonVariable.DNS_NAMESERVERS));
      if (!dns.isEmpty()) {
        ArrayNode a = subnet.putArray("dnsNameservers");
        dns.forEach(a::add);
      }
    }
    nn.flatMap(NodeNetwork::externalNetworkId).ifPresent(x -> spec.putObject("externalNetwork").put("id", x));
    if (nn.isPresent() && nn.get().mtu().isPresent()) {
      spec.put("networkMTU", nn.get().mtu().getAsInt());
    }
    ApiServerLoadBalancer lb = s.loadBalancer().orElse(ApiServerLoadBalancer.OCTAVIA_AMPHORA);
    ObjectNode lbn = spec.putObject("apiServerLoadBalancer");
    lbn.put("enabled", lb != ApiServerLoadBalancer.NONE);
    if (lb != ApiServerLoadBalancer.NONE) {
      lbn.put("provider", lb.octaviaProvider());
    }
    spec.putObject("managedSecurityGroups").put("allowAllInClusterTraffic", true);
    return d;
  }

  private List<String> defaultStrings(CommonVariable v) {
    Optional<Object> def = dialectVar(v).flatMap(VariableSpec::defaultValue);
    List<String> out = new ArrayList<>();
    if (def.isPresent() && def.get() instanceof List<?> l) {
      for (Object o : l) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private ObjectNode machineTemplate(String name, Role role, MachineInputs in, String version) {
    ObjectNode d = header(CAPO, "OpenStackMachineTemplate", name);
    ObjectNode spec = d.putObject("spec").putObject("template").putObject("spec");
    FlavorRef flavor = in.flavor().orElseGet(() -> FlavorRef.byName(String.valueOf(
        dialectVar(CommonVariable.flavor(role)).flatMap(VariableSpec::defaultValue).orElseThrow())));
    if (flavor instanceof FlavorRef.ById) {
      spec.put("flavorID", flavor.value());
    } else {
      spec.put("flavor", flavor.value());
    }
    ImageRef img = in.image().orElseGet(() -> {
      String n = "ubuntu-capi-image-" + version;
      notices.add(Notice.of(Severity.INFO, Notice.Code.IMAGE_DEFAULTED, "no image was given for "
          + (role == Role.CONTROL_PLANE ? "the control plane" : name) + "; using the Glance image named " + n
          + " (the SCS CAPI image convention)"));
      return ImageRef.glanceName(n);
    });
    ObjectNode image = spec.putObject("image");
    if (img instanceof ImageRef.GlanceName) {
      image.putObject("filter").put("name", img.value());
    } else if (img instanceof ImageRef.GlanceId) {
      image.put("id", img.value());
    } else {
      image.putObject("imageRef").put("name", img.value());
    }
    Optional<RootDisk> rd = in.rootDisk();
    if (rd.isEmpty()) {
      Optional<Object> def = dialectVar(CommonVariable.rootDisk(role)).flatMap(VariableSpec::defaultValue);
      if (def.isPresent() && def.get() instanceof Long l && l > 0) {
        rd = Optional.of(RootDisk.volume(l.intValue()));
      }
    }
    rd.filter(r -> r instanceof RootDisk.Volume).map(r -> (RootDisk.Volume) r).ifPresent(v -> {
      ObjectNode rv = spec.putObject("rootVolume");
      rv.put("sizeGiB", v.sizeGiB());
      v.volumeType().ifPresent(t -> rv.put("type", t));
    });
    in.serverGroup().ifPresent(sg -> {
      if (sg instanceof ServerGroupRef.Known k) {
        spec.putObject("serverGroup").put("id", k.id());
      } else if (sg instanceof ServerGroupRef.ToCreate c) {
        spec.putObject("serverGroup").putObject("filter").put("name", c.name());
      }
    });
    if (!in.serverMetadata().isEmpty()) {
      ArrayNode md = spec.putArray("serverMetadata");
      new TreeMap<>(in.serverMetadata()).forEach((k, v) -> {
        ObjectNode e = md.addObject();
        e.put("key", k);
        e.put("value", v);
      });
    }
    s.sshKeyName().ifPresent(k -> spec.put("sshKeyName", k));
    return d;
  }

  private ObjectNode kubeadmConfig(boolean controlPlane, Optional<BootstrapAdditions> add) {
    ObjectNode c = obj();
    if (controlPlane) {
      ObjectNode cc = c.putObject("clusterConfiguration");
      ObjectNode api = obj();
      if (!s.certSANs().isEmpty()) {
        ArrayNode sans = api.putArray("certSANs");
        s.certSANs().forEach(sans::add);
      }
      s.oidc().ifPresent(o -> api.set("extraArgs", oidcArgs(o)));
      if (!api.isEmpty()) {
        cc.set("apiServer", api);
      }
      cc.putObject("controllerManager").putObject("extraArgs").put("cloud-provider", "external");
      c.putObject("initConfiguration").set("nodeRegistration", nodeRegistration(add));
    }
    c.putObject("joinConfiguration").set("nodeRegistration", nodeRegistration(add));
    if (add.isPresent()) {
      BootstrapAdditions b = add.get();
      if (!b.files().isEmpty()) {
        ArrayNode files = c.putArray("files");
        for (BootstrapFile f : b.files()) {
          ObjectNode fn = files.addObject();
          fn.put("path", f.path());
          f.owner().ifPresent(v -> fn.put("owner", v));
          f.permissions().ifPresent(v -> fn.put("permissions", v));
          f.encoding().ifPresent(v -> fn.put("encoding", v));
          if (f.append()) {
            fn.put("append", true);
          }
          f.content().ifPresent(v -> fn.put("content", v));
          f.contentFromSecret().ifPresent(r -> {
            ObjectNode sec = fn.putObject("contentFrom").putObject("secret");
            sec.put("key", r.key());
            sec.put("name", r.name());
          });
        }
      }
      if (!b.preKubeadmCommands().isEmpty()) {
        ArrayNode a = c.putArray("preKubeadmCommands");
        b.preKubeadmCommands().forEach(a::add);
      }
      if (!b.postKubeadmCommands().isEmpty()) {
        ArrayNode a = c.putArray("postKubeadmCommands");
        b.postKubeadmCommands().forEach(a::add);
      }
      if (b.format() == BootstrapFormat.IGNITION) {
        c.put("format", b.format().value());
        b.ignitionAdditionalConfig().ifPresent(cfg ->
            c.putObject("ignition").putObject("containerLinuxConfig").put("additionalConfig", cfg));
      }
    }
    return c;
  }

  private static ObjectNode nodeRegistration(Optional<BootstrapAdditions> add) {
    ObjectNode nr = obj();
    nr.put("name", add.flatMap(BootstrapAdditions::nodeName).orElse("{{ local_hostname }}"));
    TreeMap<String, String> args = new TreeMap<>();
    args.put("cloud-provider", "external");
    args.put("provider-id", "openstack:///{{ instance_id }}");
    add.ifPresent(b -> args.putAll(b.kubeletExtraArgs()));
    ObjectNode ka = nr.putObject("kubeletExtraArgs");
    args.forEach(ka::put);
    return nr;
  }

  private static ObjectNode oidcArgs(OidcConfig o) {
    TreeMap<String, String> a = new TreeMap<>();
    a.put("oidc-client-id", o.clientId());
    a.put("oidc-issuer-url", o.issuerUrl());
    a.put("oidc-username-claim", o.usernameClaim().orElse("preferred_username"));
    a.put("oidc-groups-claim", o.groupsClaim().orElse("groups"));
    a.put("oidc-username-prefix", o.usernamePrefix().orElse("oidc:"));
    a.put("oidc-groups-prefix", o.groupsPrefix().orElse("oidc:"));
    ObjectNode n = obj();
    a.forEach(n::put);
    return n;
  }
}
