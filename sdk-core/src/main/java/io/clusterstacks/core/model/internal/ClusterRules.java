package io.clusterstacks.core.model.internal;

import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Cidrs;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.model.ApiServerLoadBalancer;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.NodeNetwork;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.StackChannel;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.FlavorDiskBoot;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.VariableSpec;
import io.clusterstacks.core.stack.VersionCheck;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The cross-field rules of {@link ClusterSpec} and the mapping of typed inputs to ClusterClass variables. */
public final class ClusterRules {
  private static final String RAW_DEFAULT_NODE_CIDR = "10.8.0.0/20";

  private ClusterRules() {}

  /**
   * Every problem of a spec.
   *
   * @param s the spec
   * @return the problems, empty when the spec is consistent
   */
  public static List<Problem> check(ClusterSpec s) {
    List<Problem> p = new ArrayList<>();
    names(s, p);
    Optional<StackDialect> d = s.dialect();
    boolean topology = s.mode() == OutputMode.TOPOLOGY;
    if (topology) {
      if (s.className().isEmpty()) {
        p.add(Problem.of("className", "(none)",
            "topology mode needs the ClusterClass, e.g. className(ClusterClassName.of(\"scs2\", \"1.33\", \"v1\")); "
                + "or use OutputMode.RAW_CAPI"));
      } else if (d.isEmpty()) {
        p.add(Problem.of("className", s.className().get().format(),
            "the SDK has no typed dialect for stack '" + s.className().get().stackName() + "' at "
                + s.className().get().kubernetesMinor() + "; use a scs (1.29+), scs2 or kamaji class, pass dialect(...) "
                + "explicitly, or parse such manifests with ManifestParser.parseLenient"));
      }
    }
    versions(s, p);
    replicas(s, d, p);
    if (topology) {
      if (d.isPresent()) {
        topologyVariables(s, p);
        for (MachineDeploymentSpec md : s.machineDeployments()) {
          deploymentOverrides(s, md, p);
        }
        required(s, d.get(), p);
      }
    } else {
      raw(s, d, p);
    }
    networks(s, d, p);
    clusterStack(s, p);
    return p;
  }

  private static void names(ClusterSpec s, List<Problem> p) {
    if (!Names.isDns1123Label(s.name())) {
      p.add(Problem.of("name", s.name(), "use a DNS-1123 label: at most 63 lower-case letters, digits and '-', "
          + "starting and ending with a letter or digit"));
    }
    s.namespace().filter(n -> !Names.isDns1123Label(n))
        .ifPresent(n -> p.add(Problem.of("namespace", n, "use a DNS-1123 label")));
    s.classNamespace().filter(n -> !Names.isDns1123Label(n))
        .ifPresent(n -> p.add(Problem.of("classNamespace", n, "use a DNS-1123 label")));
    for (Map.Entry<String, String> e : s.labels().entrySet()) {
      if (!Names.isLabelKey(e.getKey())) {
        p.add(Problem.of("labels", e.getKey(), "use a label key: [prefix/]name, name at most 63 characters"));
      }
      if (!Names.isLabelValue(e.getValue())) {
        p.add(Problem.of("labels." + e.getKey(), e.getValue(),
            "use a label value: at most 63 letters, digits, '-', '_' and '.'"));
      }
    }
    Set<String> seen = new HashSet<>();
    for (MachineDeploymentSpec md : s.machineDeployments()) {
      if (!Names.isDns1123Label(md.name())) {
        p.add(Problem.of("machineDeployments[" + md.name() + "].name", md.name(), "use a DNS-1123 label"));
      }
      if (!seen.add(md.name())) {
        p.add(Problem.of("machineDeployments[" + md.name() + "].name", md.name(), "names must be unique"));
      }
      if (md.replicas() < 0) {
        p.add(Problem.of("machineDeployments[" + md.name() + "].replicas", String.valueOf(md.replicas()), "use 0 or more"));
      }
    }
  }

  private static void versions(ClusterSpec s, List<Problem> p) {
    Optional<String> v = s.kubernetesVersion();
    if (v.isEmpty()) {
      String fix = s.className().isPresent()
          ? "release " + s.className().get() + " is not in the release catalogue; set kubernetesVersion(\"v"
              + s.className().get().kubernetesMinor() + ".N\") to the release's exact version, or add the release with "
              + "ReleaseCatalogue.with(...)"
          : "set kubernetesVersion(\"v1.33.4\")";
      p.add(Problem.of("kubernetesVersion", "(none)", fix));
      return;
    }
    if (!v.get().matches("^v\\d+\\.\\d+\\.\\d+$")) {
      p.add(Problem.of("kubernetesVersion", v.get(), "use the exact patch version with v, e.g. v1.33.4"));
      return;
    }
    if (s.className().isPresent()) {
      ClusterClassName c = s.className().get();
      if (!v.get().startsWith("v" + c.kubernetesMinor() + ".")) {
        p.add(Problem.of("kubernetesVersion", v.get(), "class " + c + " is for Kubernetes " + c.kubernetesMinor()
            + "; use a v" + c.kubernetesMinor() + ".x version or a class for " + minorOf(v.get())));
      } else if (s.mode() == OutputMode.TOPOLOGY) {
        VersionCheck vc = s.releases().check(c, v.get());
        if (vc.status() == VersionCheck.Status.MISMATCH) {
          p.add(Problem.of("kubernetesVersion", v.get(), vc.message()));
        }
      }
    }
  }

  private static String minorOf(String v) {
    String[] parts = v.substring(1).split("\\.");
    return parts[0] + "." + parts[1];
  }

  private static boolean kubeadmControlPlane(Optional<StackDialect> d) {
    return d.map(x -> x.hasMachines(Role.CONTROL_PLANE)).orElse(true);
  }

  private static void replicas(ClusterSpec s, Optional<StackDialect> d, List<Problem> p) {
    int r = s.controlPlaneReplicas();
    if (r < 1) {
      p.add(Problem.of("controlPlaneReplicas", String.valueOf(r), "use 1, 3 or 5"));
    } else if (kubeadmControlPlane(d) && r % 2 == 0) {
      p.add(Problem.of("controlPlaneReplicas", String.valueOf(r), "etcd needs a majority: " + r + " members tolerate no more "
          + "failures than " + (r - 1) + "; use " + (r - 1) + " or " + (r + 1) + " (1, 3 or 5)"));
    }
    if (s.controlPlaneMaxSurge().isPresent()) {
      int ms = s.controlPlaneMaxSurge().getAsInt();
      if (!kubeadmControlPlane(d)) {
        p.add(Problem.of("controlPlaneMaxSurge", String.valueOf(ms), "a Kamaji control plane has no machines to surge: "
            + "its API-server pods roll as a Deployment, whose strategy sdk-kamaji's TwoLevelPlanner chooses "
            + "(KamajiDeployment); leave controlPlaneMaxSurge unset"));
      } else if (s.mode() == OutputMode.TOPOLOGY) {
        p.add(Problem.of("controlPlaneMaxSurge", String.valueOf(ms), "topology mode cannot set the control plane's "
            + "rollout (the ClusterClass fixes maxSurge 1); use OutputMode.RAW_CAPI or leave it unset"));
      } else if (ms != 0 && ms != 1) {
        p.add(Problem.of("controlPlaneMaxSurge", String.valueOf(ms), "KubeadmControlPlane accepts maxSurge 0 or 1"));
      } else if (ms == 0 && r < 3) {
        p.add(Problem.of("controlPlaneMaxSurge", "0 with " + r + " replica(s)",
            "maxSurge 0 needs at least 3 control-plane replicas (a smaller control plane would lose quorum while a "
                + "member is replaced); use maxSurge 1 or 3 replicas"));
      }
    }
  }

  // ---- topology ---------------------------------------------------------------------------------

  /**
   * The cluster-level ClusterClass variables of a topology-mode spec.
   *
   * @param s the spec
   * @param p where problems go
   * @return the variables, sorted by name
   */
  public static Map<String, Object> topologyVariables(ClusterSpec s, List<Problem> p) {
    TreeMap<String, Object> out = new TreeMap<>();
    Optional<StackDialect> od = s.dialect();
    if (od.isEmpty()) {
      out.putAll(s.variables());
      return new LinkedHashMap<>(out);
    }
    StackDialect d = od.get();
    Map<String, String> origin = new LinkedHashMap<>();
    Typed t = new Typed(d, out, origin, p, "");
    if (!s.controlPlane().isEmpty()) {
      if (!d.hasMachines(Role.CONTROL_PLANE)) {
        p.add(Problem.of("controlPlane", String.valueOf(s.controlPlane()), "the " + d.id() + " control plane has no "
            + "machines (it runs as pods), so flavor, disk, server group and image do not apply; set only worker inputs"));
      } else {
        machine(t, Role.CONTROL_PLANE, s.controlPlane(), s, "controlPlane");
      }
    }
    machine(t, Role.WORKER, s.workers(), s, "workers");
    imageVariables(t, s);
    s.nodeNetwork().ifPresent(n -> network(t, n));
    s.loadBalancer().ifPresent(lb -> t.set(CommonVariable.API_SERVER_LOAD_BALANCER, lb.value(), "loadBalancer"));
    s.oidc().ifPresent(o -> t.set(CommonVariable.OIDC, oidc(d, o), "oidc"));
    s.sshKeyName().ifPresent(k -> t.set(CommonVariable.SSH_KEY_NAME, k, "sshKeyName"));
    if (!s.certSANs().isEmpty()) {
      t.set(CommonVariable.CERT_SANS, List.copyOf(s.certSANs()), "certSANs");
    }
    s.dataStore().ifPresent(ds -> t.set(CommonVariable.DATA_STORE, ds, "dataStore"));
    s.clusterNetwork().flatMap(ClusterNetwork::dnsServiceIp)
        .filter(ip -> d.variableFor(CommonVariable.DNS_SERVICE_IPS).isPresent())
        .ifPresent(ip -> t.set(CommonVariable.DNS_SERVICE_IPS, List.of(ip), "clusterNetwork.dnsServiceIp"));
    s.credentials().ifPresent(c -> {
      if (!c.secretName().equals("openstack") || !c.cloudName().equals("openstack")) {
        if (d.variableFor(CommonVariable.IDENTITY_REF).isPresent()) {
          Map<String, Object> ref = new LinkedHashMap<>();
          ref.put("cloudName", c.cloudName());
          ref.put("name", c.secretName());
          t.set(CommonVariable.IDENTITY_REF, ref, "credentials");
        } else {
          t.set(CommonVariable.IDENTITY_SECRET_NAME, c.secretName(), "credentials.secretName");
          t.set(CommonVariable.IDENTITY_CLOUD_NAME, c.cloudName(), "credentials.cloudName");
        }
      }
    });
    for (Map.Entry<String, Object> e : s.variables().entrySet()) {
      if (origin.containsKey(e.getKey())) {
        p.add(Problem.of("variables." + e.getKey(), String.valueOf(e.getValue()),
            "also set by the typed setting " + origin.get(e.getKey()) + "; set it in one place only"));
      }
      for (Problem q : d.problems(e.getKey(), e.getValue())) {
        p.add(Problem.of("variables." + q.path(), q.value(), q.fix()));
      }
      out.put(e.getKey(), e.getValue());
    }
    return new LinkedHashMap<>(out);
  }

  /**
   * The variable overrides of one machine deployment in topology mode.
   *
   * @param s the spec
   * @param md the deployment
   * @param p where problems go
   * @return the overrides, sorted by name
   */
  public static Map<String, Object> deploymentOverrides(ClusterSpec s, MachineDeploymentSpec md, List<Problem> p) {
    TreeMap<String, Object> out = new TreeMap<>();
    Optional<StackDialect> od = s.dialect();
    if (od.isEmpty()) {
      out.putAll(md.variableOverrides());
      return new LinkedHashMap<>(out);
    }
    StackDialect d = od.get();
    String path = "machineDeployments[" + md.name() + "]";
    Map<String, String> origin = new LinkedHashMap<>();
    Typed t = new Typed(d, out, origin, p, path + ".");
    MachineInputs m = md.machine();
    if (!m.isEmpty()) {
      machine(t, Role.WORKER, m, s, path + ".machine");
      m.image().ifPresent(img -> {
        Optional<ImageRef> clusterImage = clusterLevelImage(s);
        if (clusterImage.isEmpty() || !clusterImage.get().equals(img)) {
          image(t, img, s, path + ".machine.image", true);
        }
      });
    }
    String workerClass = md.workerClass().orElse(d.workerClass());
    if (!workerClass.equals(d.workerClass())) {
      p.add(Problem.of(path + ".class", workerClass, "the " + d.id() + " ClusterClass has the worker class '"
          + d.workerClass() + "' only"));
    }
    for (Map.Entry<String, Object> e : md.variableOverrides().entrySet()) {
      if (origin.containsKey(e.getKey())) {
        p.add(Problem.of(path + ".variableOverrides." + e.getKey(), String.valueOf(e.getValue()),
            "also set by the typed setting " + origin.get(e.getKey()) + "; set it in one place only"));
      }
      for (Problem q : d.problems(e.getKey(), e.getValue())) {
        p.add(Problem.of(path + ".variableOverrides." + q.path(), q.value(), q.fix()));
      }
      out.put(e.getKey(), e.getValue());
    }
    if (s.workers().image().isPresent() && m.image().isEmpty()) {
      Optional<ImageRef> clusterImage = clusterLevelImage(s);
      if (clusterImage.isPresent() && !clusterImage.get().equals(s.workers().image().get())) {
        image(t, s.workers().image().get(), s, "workers.image", true);
      }
    }
    return new LinkedHashMap<>(out);
  }

  /** Collects typed settings into variables, remembering which setting set what. */
  private static final class Typed {
    final StackDialect d;
    final Map<String, Object> out;
    final Map<String, String> origin;
    final List<Problem> p;
    final String prefix;

    Typed(StackDialect d, Map<String, Object> out, Map<String, String> origin, List<Problem> p, String prefix) {
      this.d = d;
      this.out = out;
      this.origin = origin;
      this.p = p;
      this.prefix = prefix;
    }

    void set(CommonVariable setting, Object value, String field) {
      Optional<VariableSpec> v = d.variableFor(setting);
      if (v.isEmpty()) {
        p.add(Problem.of(field.startsWith(prefix) ? field : prefix + field, String.valueOf(value),
            "stack dialect " + d.id() + " (" + d.releases() + ") has no variable for " + setting.name().toLowerCase(Locale.ROOT)
                + "; leave it unset, or use OutputMode.RAW_CAPI"));
        return;
      }
      for (Problem q : v.get().problems(value)) {
        p.add(Problem.of(field.startsWith(prefix) ? field : prefix + field, q.value(), q.fix()));
      }
      out.put(v.get().name(), io.clusterstacks.core.internal.Values.normalize(value));
      origin.put(v.get().name(), field);
    }
  }

  private static void machine(Typed t, Role role, MachineInputs m, ClusterSpec s, String field) {
    StackDialect d = t.d;
    String roleName = role == Role.CONTROL_PLANE ? "control plane" : "workers";
    m.flavor().ifPresent(f -> {
      if (f instanceof FlavorRef.ById) {
        t.p.add(Problem.of(field + ".flavor", "ID " + f.value(), "SCS ClusterClasses take flavor names; use "
            + "FlavorRef.byName(...) or OutputMode.RAW_CAPI"));
      } else {
        t.set(CommonVariable.flavor(role), f.value(), field + ".flavor");
      }
    });
    m.rootDisk().ifPresent(rd -> {
      if (rd instanceof RootDisk.Volume vol) {
        if (vol.volumeType().isPresent()) {
          t.p.add(Problem.of(field + ".rootDisk.volumeType", vol.volumeType().get(), "SCS ClusterClasses have no "
              + "volume-type variable; drop the type or use OutputMode.RAW_CAPI"));
        }
        t.set(CommonVariable.rootDisk(role), (long) vol.sizeGiB(), field + ".rootDisk");
      } else {
        FlavorDiskBoot how = d.flavorDiskBoot(role);
        if (how == FlavorDiskBoot.SET_ZERO) {
          t.set(CommonVariable.rootDisk(role), 0L, field + ".rootDisk");
        } else if (how == FlavorDiskBoot.NOT_EXPRESSIBLE) {
          Optional<VariableSpec> v = d.variableFor(CommonVariable.rootDisk(role));
          t.p.add(Problem.of(field + ".rootDisk", "flavor disk", d.id() + " (" + d.releases() + ") always gives the "
              + roleName + " a root volume (" + v.map(VariableSpec::name).orElse("?") + " default "
              + v.flatMap(VariableSpec::defaultValue).map(String::valueOf).orElse("?") + " GiB, minimum "
              + v.map(x -> String.valueOf(x.minimum().orElse(0))).orElse("?") + "); use a release that accepts 0 "
              + "(scs2 1-33-v4 or later), OutputMode.RAW_CAPI, or RootDisk.volume(n)"));
        }
      }
    });
    m.serverGroup().ifPresent(sg -> {
      if (sg instanceof ServerGroupRef.Known k) {
        t.set(CommonVariable.serverGroupId(role), k.id(), field + ".serverGroup");
      } else if (d.variableFor(CommonVariable.serverGroupId(role)).isEmpty()) {
        t.p.add(Problem.of(field + ".serverGroup", String.valueOf(sg), "stack dialect " + d.id()
            + " has no server-group variable for the " + roleName));
      }
    });
    if (!m.serverMetadata().isEmpty()) {
      t.p.add(Problem.of(field + ".serverMetadata", String.join(",", new TreeMap<>(m.serverMetadata()).keySet()),
          "SCS ClusterClasses cannot set server metadata; set it after boot through the cloud API (sdk-openstack), "
              + "or use OutputMode.RAW_CAPI"));
    }
    m.bootstrap().filter(b -> !b.isEmpty()).ifPresent(b -> t.p.add(Problem.of(field + ".bootstrap", "additions",
        "SCS ClusterClasses cannot take extra files, commands, kubelet arguments or ignition; use OutputMode.RAW_CAPI "
            + "(no stack-managed addons) or an image with everything built in")));
  }

  private static Optional<ImageRef> clusterLevelImage(ClusterSpec s) {
    Optional<StackDialect> d = s.dialect();
    if (d.isPresent() && d.get().hasMachines(Role.CONTROL_PLANE) && s.controlPlane().image().isPresent()) {
      return s.controlPlane().image();
    }
    return s.workers().image();
  }

  private static void imageVariables(Typed t, ClusterSpec s) {
    Optional<ImageRef> img = clusterLevelImage(s);
    if (img.isPresent()) {
      String field = s.controlPlane().image().isPresent() && t.d.hasMachines(Role.CONTROL_PLANE) ? "controlPlane.image" : "workers.image";
      image(t, img.get(), s, field, false);
    }
    if (!t.d.hasMachines(Role.CONTROL_PLANE) || s.controlPlane().image().isEmpty()) {
      return;
    }
    // A worker image that differs from the control plane's is rendered per deployment (deploymentOverrides).
  }

  private static void image(Typed t, ImageRef img, ClusterSpec s, String field, boolean explicitOrcFlag) {
    StackDialect d = t.d;
    Optional<String> forced = s.kubernetesVersion().flatMap(d::forcedImageName);
    if (d.fixedImageName()) {
      String required = forced.orElse("ubuntu-capi-image-<version>");
      boolean ok = (img instanceof ImageRef.GlanceName g && g.value().equals(required))
          || (img instanceof ImageRef.OrcCreate c && c.image().glanceName().orElse(c.image().name()).equals(required));
      if (!ok) {
        t.p.add(Problem.of(field, String.valueOf(img), "the " + d.id() + " ClusterClass always boots the Glance image named '"
            + required + "' and has no image variable; provide an image of that name (ImageRef.glanceName(\"" + required
            + "\") or an ORC Image with that Glance name), use a scs2 class, or use OutputMode.RAW_CAPI"));
      }
      return;
    }
    if (img instanceof ImageRef.GlanceId) {
      t.p.add(Problem.of(field, String.valueOf(img), "scs2 takes an image name, not an ID; use ImageRef.glanceName(...) "
          + "or OutputMode.RAW_CAPI"));
      return;
    }
    boolean orc = img instanceof ImageRef.OrcRef || img instanceof ImageRef.OrcCreate;
    t.set(CommonVariable.IMAGE_NAME, img.value(), field);
    t.set(CommonVariable.IMAGE_ADD_VERSION, false, field);
    if (orc || explicitOrcFlag) {
      t.set(CommonVariable.IMAGE_IS_ORC, orc, field);
    }
  }

  private static void network(Typed t, NodeNetwork n) {
    n.externalNetworkId().ifPresent(id -> t.set(CommonVariable.EXTERNAL_NETWORK_ID, id, "nodeNetwork.externalNetworkId"));
    n.nodeCidr().ifPresent(c -> t.set(CommonVariable.NODE_CIDR, c, "nodeNetwork.nodeCidr"));
    if (!n.dnsNameservers().isEmpty()) {
      t.set(CommonVariable.DNS_NAMESERVERS, List.copyOf(n.dnsNameservers()), "nodeNetwork.dnsNameservers");
    }
    if (n.mtu().isPresent()) {
      t.set(CommonVariable.NETWORK_MTU, (long) n.mtu().getAsInt(), "nodeNetwork.mtu");
    }
  }

  private static Map<String, Object> oidc(StackDialect d, OidcConfig o) {
    List<String> keys = d.variableFor(CommonVariable.OIDC).map(VariableSpec::properties).orElse(List.of());
    Map<String, Object> m = new LinkedHashMap<>();
    if (keys.size() == 6) {
      m.put(keys.get(0), o.clientId());
      m.put(keys.get(1), o.issuerUrl());
      o.usernameClaim().ifPresent(v -> m.put(keys.get(2), v));
      o.groupsClaim().ifPresent(v -> m.put(keys.get(3), v));
      o.usernamePrefix().ifPresent(v -> m.put(keys.get(4), v));
      o.groupsPrefix().ifPresent(v -> m.put(keys.get(5), v));
    }
    return m;
  }

  private static void required(ClusterSpec s, StackDialect d, List<Problem> p) {
    Map<String, Object> vars = topologyVariables(s, new ArrayList<>());
    for (VariableSpec v : d.variables()) {
      if (v.required() && !vars.containsKey(v.name())) {
        String typed = v.name().equals("data_store") ? "dataStore(\"default\")" : "variables(\"" + v.name() + "\", ...)";
        p.add(Problem.of("variables." + v.name(), "(none)", "stack dialect " + d.id() + " requires " + v.name()
            + " (" + v.description() + "); set " + typed));
      }
    }
  }

  // ---- raw --------------------------------------------------------------------------------------

  private static void raw(ClusterSpec s, Optional<StackDialect> d, List<Problem> p) {
    boolean pods = !kubeadmControlPlane(d);
    if (pods) {
      rawKamaji(s, d.get(), p);
    } else if (s.dataStore().isPresent()) {
      p.add(Problem.of("dataStore", s.dataStore().get(), "only a Kamaji control plane keeps its state in a DataStore; "
          + "leave dataStore unset, or use the kamaji stack (dialect(StackDialects.kamaji()))"));
    }
    if (!s.variables().isEmpty()) {
      p.add(Problem.of("variables", String.join(",", s.variables().keySet()), "ClusterClass variables only apply in "
          + "topology mode; in raw mode use the typed settings (flavors, disks, network, ...)"));
    }
    for (MachineDeploymentSpec md : s.machineDeployments()) {
      if (!md.variableOverrides().isEmpty()) {
        p.add(Problem.of("machineDeployments[" + md.name() + "].variableOverrides",
            String.join(",", md.variableOverrides().keySet()), "variable overrides only apply in topology mode; use machine(...)"));
      }
    }
    if (!pods) {
      rawRole(s, d, Role.CONTROL_PLANE, s.controlPlane(), "controlPlane", p);
    }
    for (MachineDeploymentSpec md : s.machineDeployments()) {
      rawRole(s, d, Role.WORKER, s.workerInputs(md), "machineDeployments[" + md.name() + "]", p);
    }
    s.nodeNetwork().flatMap(NodeNetwork::externalNetworkId)
        .filter(id -> !io.clusterstacks.core.stack.VariableFormat.UUID4.matches(id))
        .ifPresent(id -> p.add(Problem.of("nodeNetwork.externalNetworkId", id, "use the network's UUID")));
  }

  /**
   * Raw CAPI mode with a Kamaji control plane: a KamajiControlPlane instead of a KubeadmControlPlane, and an
   * OpenStackCluster without API load balancer and floating IP, because Kamaji serves the tenant API from the
   * management cluster (a Service of its own) and the provider writes that endpoint into the OpenStackCluster.
   */
  private static void rawKamaji(ClusterSpec s, StackDialect d, List<Problem> p) {
    if (!s.controlPlane().isEmpty()) {
      p.add(Problem.of("controlPlane", String.valueOf(s.controlPlane()), "the " + d.id() + " control plane has no "
          + "machines (it runs as pods), so flavor, disk, server group, image and bootstrap do not apply; set only "
          + "worker inputs"));
    }
    if (s.dataStore().isEmpty()) {
      p.add(Problem.of("dataStore", "(none)", "a Kamaji control plane keeps its state in a DataStore; name an "
          + "existing one, e.g. dataStore(\"default\")"));
    }
    s.loadBalancer().filter(lb -> lb != ApiServerLoadBalancer.NONE).ifPresent(lb -> p.add(Problem.of("loadBalancer",
        lb.value(), "Kamaji serves the tenant API from the management cluster through a Service of its own (type "
            + "LoadBalancer), and the OpenStackCluster gets no API load balancer or floating IP; leave loadBalancer "
            + "unset (or ApiServerLoadBalancer.NONE)")));
  }

  private static void rawRole(ClusterSpec s, Optional<StackDialect> d, Role role, MachineInputs m, String field,
      List<Problem> p) {
    if (m.flavor().isEmpty() && d.flatMap(x -> x.variableFor(CommonVariable.flavor(role))).flatMap(VariableSpec::defaultValue).isEmpty()) {
      p.add(Problem.of(field + ".flavor", "(none)", "raw mode needs a flavor for the "
          + (role == Role.CONTROL_PLANE ? "control plane" : "workers") + "; set it, e.g. FlavorRef.byName(\"SCS-2V-4-20s\")"));
    }
    if (m.serverGroup().isPresent() && m.serverGroup().get() instanceof ServerGroupRef.Known k
        && k.id().isBlank()) {
      p.add(Problem.of(field + ".serverGroup", "\"\"", "give the group's ID"));
    }
  }

  /**
   * The node CIDR a spec ends up with (explicit, variable, dialect default, or the raw-mode default).
   *
   * @param s the spec
   * @return the CIDR, or empty when the node subnet is disabled
   */
  public static Optional<String> effectiveNodeCidr(ClusterSpec s) {
    Optional<String> explicit = s.nodeNetwork().flatMap(NodeNetwork::nodeCidr);
    if (explicit.isPresent()) {
      return explicit;
    }
    if (s.mode() == OutputMode.RAW_CAPI) {
      return Optional.of(RAW_DEFAULT_NODE_CIDR);
    }
    Optional<VariableSpec> v = s.dialect().flatMap(d -> d.variableFor(CommonVariable.NODE_CIDR));
    if (v.isPresent()) {
      Object set = s.variables().get(v.get().name());
      if (set instanceof String str) {
        return str.isEmpty() ? Optional.empty() : Optional.of(str);
      }
      return v.get().defaultValue().map(String::valueOf);
    }
    return Optional.empty();
  }

  /**
   * The cluster DNS service IPs a spec ends up with (explicit, variable, or the dialect's default).
   *
   * @param s the spec
   * @return the addresses, empty when the stack has no such setting and none was given
   */
  public static List<String> dnsServiceIps(ClusterSpec s) {
    Optional<String> explicit = s.clusterNetwork().flatMap(ClusterNetwork::dnsServiceIp);
    if (explicit.isPresent()) {
      return List.of(explicit.get());
    }
    // topology: the variable or its default; raw mode (no variables): the default, which a Kamaji control plane uses
    Optional<VariableSpec> v = s.dialect().flatMap(d -> d.variableFor(CommonVariable.DNS_SERVICE_IPS));
    if (v.isPresent()) {
      Object set = s.variables().get(v.get().name());
      Object value = set != null ? set : v.get().defaultValue().orElse(null);
      if (value instanceof List<?> l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
          out.add(String.valueOf(o));
        }
        return out;
      }
    }
    return List.of();
  }

  private static void networks(ClusterSpec s, Optional<StackDialect> d, List<Problem> p) {
    List<String[]> cidrs = new ArrayList<>();
    s.clusterNetwork().ifPresent(n -> {
      for (String c : n.pods()) {
        cidrs.add(new String[] {"clusterNetwork.pods", c});
      }
      for (String c : n.services()) {
        cidrs.add(new String[] {"clusterNetwork.services", c});
      }
    });
    effectiveNodeCidr(s).ifPresent(c -> cidrs.add(new String[] {"node CIDR", c}));
    List<Cidrs.Range> ranges = new ArrayList<>();
    for (String[] c : cidrs) {
      Optional<Cidrs.Range> r = Cidrs.parse(c[1]);
      if (r.isEmpty()) {
        p.add(Problem.of(c[0], c[1], "use CIDR notation, e.g. 10.96.0.0/12"));
      }
      ranges.add(r.orElse(null));
    }
    for (int i = 0; i < cidrs.size(); i++) {
      for (int j = i + 1; j < cidrs.size(); j++) {
        Cidrs.Range a = ranges.get(i);
        Cidrs.Range b = ranges.get(j);
        if (a != null && b != null && a.overlaps(b) && !cidrs.get(i)[0].equals(cidrs.get(j)[0])) {
          p.add(Problem.of(cidrs.get(j)[0], cidrs.get(j)[1], "overlaps " + cidrs.get(i)[0] + " " + cidrs.get(i)[1]
              + "; pod, service and node networks must be disjoint"));
        }
      }
    }
    List<String> services = s.clusterNetwork().map(ClusterNetwork::services).orElse(List.of());
    for (String ip : dnsServiceIps(s)) {
      boolean v6 = ip.contains(":");
      Optional<BigInteger> addr = v6 ? Cidrs.parseIpv6(ip) : Cidrs.parseIpv4(ip);
      if (addr.isEmpty()) {
        p.add(Problem.of("clusterNetwork.dnsServiceIp", ip, "use an IP address, e.g. 10.96.0.10"));
        continue;
      }
      if (services.isEmpty()) {
        continue;
      }
      boolean inside = false;
      for (String sc : services) {
        Optional<Cidrs.Range> r = Cidrs.parse(sc);
        if (r.isPresent() && r.get().contains(v6, addr.get())) {
          inside = true;
        }
      }
      if (!inside) {
        p.add(Problem.of("clusterNetwork.dnsServiceIp", ip, "the cluster DNS service IP must lie in the service "
            + "CIDR " + String.join(", ", services) + " (e.g. its .10 address)"));
      }
    }
  }

  private static void clusterStack(ClusterSpec s, List<Problem> p) {
    if (s.clusterStack().isEmpty() || s.className().isEmpty()) {
      return;
    }
    ClusterStack cs = s.clusterStack().get();
    ClusterClassName c = s.className().get();
    if (!cs.provider().equals(c.provider()) || !cs.stackName().equals(c.stackName())) {
      p.add(Problem.of("clusterStack", cs.provider() + "/" + cs.stackName(), "the Cluster's class " + c
          + " is from " + c.provider() + "/" + c.stackName() + "; the ClusterStack must install that stack"));
    }
    if (!cs.kubernetesVersion().equals(c.kubernetesMinor())) {
      p.add(Problem.of("clusterStack.kubernetesVersion", cs.kubernetesVersion(), "the Cluster's class " + c
          + " is for " + c.kubernetesMinor() + "; use \"" + c.kubernetesMinor() + "\""));
    }
    if (!cs.versions().contains(c.version().format())) {
      p.add(Problem.of("clusterStack.versions", String.valueOf(cs.versions()), "add " + c.version().format()
          + " so that the operator installs the class " + c));
    }
    if (c.version().isCustom() != (cs.channel() == StackChannel.CUSTOM)) {
      p.add(Problem.of("clusterStack.channel", cs.channel().value(), "version " + c.version() + " needs channel "
          + (c.version().isCustom() ? "custom" : "stable")));
    }
    if (s.cspoTemplate().isPresent() && !cs.providerRef().equals(Optional.of(s.cspoTemplate().get().name()))) {
      p.add(Problem.of("clusterStack.providerRef", cs.providerRef().orElse("(none: noProvider)"),
          "the CSPO template '" + s.cspoTemplate().get().name() + "' is rendered with the cluster; set providerRef(\""
              + s.cspoTemplate().get().name() + "\") on the ClusterStack, or drop the template"));
    }
    Optional<String> classNs = s.classNamespace().or(s::namespace);
    if (cs.namespace().isPresent() && classNs.isPresent() && !cs.namespace().get().equals(classNs.get())) {
      p.add(Problem.of("classNamespace", classNs.get(), "the ClusterClass is created in the ClusterStack's namespace "
          + cs.namespace().get() + "; set classNamespace(\"" + cs.namespace().get() + "\")"));
    }
  }

}
