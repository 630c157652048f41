package io.clusterstacks.core.manifest.internal;

import static io.clusterstacks.core.manifest.internal.RenderContext.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.OidcConfig;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Kubeadm's objects (raw mode): the KubeadmControlPlane and the kubeadm configuration of every node. */
final class ControlPlaneObjects {
  private ControlPlaneObjects() {}

  static ObjectNode kubeadmControlPlane(RenderContext ctx, String name, String version) {
    var s = ctx.s;
    ObjectNode kcp = ctx.header(ApiVersions.KCP, "KubeadmControlPlane", name);
    ObjectNode kspec = kcp.putObject("spec");
    kspec.put("replicas", s.controlPlaneReplicas());
    kspec.put("version", version);
    RenderContext.ref(kspec.putObject("machineTemplate"), "infrastructureRef", ApiVersions.CAPO,
        "OpenStackMachineTemplate", name);
    if (s.controlPlaneMaxSurge().isPresent()) {
      ObjectNode rs = kspec.putObject("rolloutStrategy");
      rs.put("type", "RollingUpdate");
      rs.putObject("rollingUpdate").put("maxSurge", s.controlPlaneMaxSurge().getAsInt());
    }
    kspec.set("kubeadmConfigSpec", kubeadmConfig(ctx, true, s.controlPlane().bootstrap()));
    return kcp;
  }

  /**
   * The KamajiControlPlane of raw mode, with the fields the SCS Kamaji stack's template set (its three addons,
   * the kubelet's address types, a LoadBalancer Service for the tenant API, the external cloud provider) and
   * the spec's replicas, version, DataStore, DNS service IPs, certificate SANs and OIDC settings. Its pods get
   * Kamaji's default placement; sdk-kamaji adds planned rules in {@code spec.deployment}.
   */
  static ObjectNode kamajiControlPlane(RenderContext ctx, String name, String version) {
    var s = ctx.s;
    ObjectNode kcp = ctx.header(ApiVersions.KAMAJI_CP, "KamajiControlPlane", name);
    ObjectNode spec = kcp.putObject("spec");
    spec.put("replicas", s.controlPlaneReplicas());
    spec.put("version", version);
    spec.put("dataStoreName", s.dataStore().orElseThrow());
    ObjectNode addons = spec.putObject("addons");
    ObjectNode coreDns = addons.putObject("coreDNS");
    List<String> dns = s.effectiveDnsServiceIps();
    if (!dns.isEmpty()) {
      ArrayNode a = coreDns.putArray("dnsServiceIPs");
      dns.forEach(a::add);
    }
    addons.putObject("konnectivity");
    addons.putObject("kubeProxy");
    ArrayNode apiArgs = spec.putObject("apiServer").putArray("extraArgs");
    apiArgs.add("--cloud-provider=external");
    s.oidc().ifPresent(o -> oidcArgs(o).fields().forEachRemaining(e -> apiArgs.add("--" + e.getKey() + "="
        + e.getValue().textValue())));
    spec.putObject("controllerManager").putArray("extraArgs").add("--cloud-provider=external");
    ObjectNode kubelet = spec.putObject("kubelet");
    kubelet.put("cgroupfs", "systemd");
    kubelet.putArray("preferredAddressTypes").add("InternalIP").add("ExternalIP").add("Hostname");
    ObjectNode network = spec.putObject("network");
    network.put("serviceType", "LoadBalancer");
    if (!s.certSANs().isEmpty()) {
      ArrayNode sans = network.putArray("certSANs");
      s.certSANs().forEach(sans::add);
    }
    return kcp;
  }

  /** A KubeadmConfigSpec: cluster and init configuration for the control plane, join configuration for all. */
  static ObjectNode kubeadmConfig(RenderContext ctx, boolean controlPlane, Optional<BootstrapAdditions> add) {
    var s = ctx.s;
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
