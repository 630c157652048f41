package io.clusterstacks.core.property;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.image.FlatcarNodeSetup;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.UbuntuNodeSetup;
import io.clusterstacks.core.model.ApiServerLoadBalancer;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.NodeNetwork;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.RoleRequirements;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.stack.VariableFormat;
import io.clusterstacks.core.stack.VariableSpec;
import io.clusterstacks.core.stack.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random planner requests and the extra cluster settings the planner does not decide, through
 * the public builders: every release of the built-in catalogue (so every built-in stack dialect), a
 * few classes the catalogue does not know, no class at all, both output modes, every built-in image
 * strategy, pinned flavors and placement policies, credentials of both kinds with text that config
 * files treat specially, and ClusterClass variables generated from each dialect's variable table.
 */
final class RandomRequests {

  static final List<StackRelease> RELEASES = ReleaseCatalogue.builtIn().releases();

  /** Text that YAML, gcfg and shells read specially; a renderer must quote it, or a builder refuse it. */
  static final String[] TRICKY = {"true", "no", "null", "~", "0x10", "010", "1e3", "1.0", "-", "- a", "a: b", "#x",
      "x #y", "'q'", "\"dq\"", "a\\b", "a;b", "[Global]", "{a}", "*alias", "&anchor", "!tag", "%p", "@at", "`cmd`",
      "$(x)", "${x}", " lead", "trail ", "ü-é-中文", "a=b", ",", "|", ">", "?", "---", "...", "1:2"};

  private RandomRequests() {}

  /** One request against a cloud, its flavor pins drawn from that cloud's flavors. */
  static ClusterRequest request(Random rnd, CloudProfile cloud) {
    ClusterRequest.Builder b = ClusterRequest.builder();
    b.clusterName(Ids.label(rnd, rnd.nextInt(8) == 0 ? 42 : 12));
    OutputMode mode = rnd.nextBoolean() ? OutputMode.TOPOLOGY : OutputMode.RAW_CAPI;
    b.mode(mode);
    Optional<ClusterClassName> cls = className(rnd, mode);
    cls.ifPresent(b::className);
    String version = version(rnd, cls);
    if (version != null) {
      b.kubernetesVersion(version);
    }
    b.allowRawCapiSwitch(rnd.nextInt(4) == 0);
    if (rnd.nextInt(3) == 0) {
      b.hostFailureTolerance(HostFailureTolerance.values()[rnd.nextInt(HostFailureTolerance.values().length)]);
    }
    ControlPlaneRequest.Builder cp = ControlPlaneRequest.builder()
        .replicas(new int[] {1, 3, 3, 5, 2, 0}[rnd.nextInt(rnd.nextInt(20) == 0 ? 6 : 4)])
        .allowNetworkStorage(rnd.nextInt(4) > 0);
    if (rnd.nextInt(5) == 0) {
      cp.flavor(pin(rnd, cloud));
    }
    if (rnd.nextInt(10) == 0) {
      cp.policy(policy(rnd));
    }
    if (rnd.nextInt(mode == OutputMode.RAW_CAPI ? 4 : 30) == 0) {
      cp.maxSurge(rnd.nextInt(2));
    }
    if (rnd.nextInt(10) == 0) {
      cp.requirements(requirements(rnd));
    }
    b.controlPlane(cp.build());
    int workers = rnd.nextInt(rnd.nextInt(4) == 0 ? 4 : 3);
    for (int i = 0; i < workers; i++) {
      WorkerRequest.Builder w = WorkerRequest.builder().name(rnd.nextInt(3) == 0 ? Ids.label(rnd, 20) : "md-" + i)
          .replicas(rnd.nextInt(rnd.nextInt(5) == 0 ? 40 : 8)).maxSurge(rnd.nextInt(3));
      if (rnd.nextInt(5) == 0) {
        w.flavor(pin(rnd, cloud));
      }
      if (rnd.nextInt(10) == 0) {
        w.policy(policy(rnd));
      }
      if (rnd.nextInt(10) == 0) {
        w.requirements(requirements(rnd));
      }
      b.addWorkers(w.build());
    }
    b.imageStrategy(imageStrategy(rnd, cls, version));
    switch (rnd.nextInt(4)) {
      case 0 -> b.includeClusterStack(cls.isPresent() || rnd.nextInt(10) == 0);
      case 1 -> cls.ifPresent(c -> b.clusterStack(ClusterStack.forClass(Ids.label(rnd, 30), c)));
      default -> { }
    }
    if (rnd.nextInt(3) > 0) {
      b.credentials(credentials(rnd));
    }
    return b.build();
  }

  /** A class from the catalogue (every dialect), sometimes one it does not know, or none. */
  static Optional<ClusterClassName> className(Random rnd, OutputMode mode) {
    int k = rnd.nextInt(10);
    if (k == 0 || (mode == OutputMode.RAW_CAPI && k < 4)) {
      return Optional.empty();
    }
    if (k == 1) {
      return Optional.of(ClusterClassName.of(rnd.nextBoolean() ? "scs2" : "scs", "1." + (28 + rnd.nextInt(9)),
          "v" + (1 + rnd.nextInt(9))));
    }
    return Optional.of(RELEASES.get(rnd.nextInt(RELEASES.size())).className());
  }

  /** The release's own version mostly; sometimes another patch of its minor, or none (the default). */
  static String version(Random rnd, Optional<ClusterClassName> cls) {
    Optional<StackRelease> release = cls.flatMap(c -> ReleaseCatalogue.builtIn().find(c));
    int k = rnd.nextInt(6);
    if (release.isPresent() && k < 3) {
      return k == 0 ? null : release.get().kubernetesVersion();
    }
    String minor = cls.map(ClusterClassName::kubernetesMinor).orElse("1." + (29 + rnd.nextInt(6)));
    return "v" + minor + "." + rnd.nextInt(k == 5 ? 30 : 12);
  }

  static String pin(Random rnd, CloudProfile cloud) {
    List<CloudFlavor> f = cloud.flavors();
    CloudFlavor chosen = f.get(rnd.nextInt(f.size()));
    return rnd.nextInt(4) == 0 ? chosen.id() : chosen.name();
  }

  static PlacementPolicy policy(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> PlacementPolicy.antiAffinity();
      case 1 -> PlacementPolicy.maxPerHost(2 + rnd.nextInt(4));
      case 2 -> PlacementPolicy.softAntiAffinity();
      default -> PlacementPolicy.none();
    };
  }

  static RoleRequirements requirements(Random rnd) {
    return RoleRequirements.of(q -> {
      q.minVcpus(1 + rnd.nextInt(4)).minRamMiB(1024 * (1 + rnd.nextInt(8)));
      if (rnd.nextBoolean()) {
        q.minDiskGB(1 + rnd.nextInt(40));
      }
    });
  }

  static ImageStrategy imageStrategy(Random rnd, Optional<ClusterClassName> cls, String version) {
    String v = version != null ? version : "v1.34.7";
    // the standard image in most cases: the others are for raw mode and scs2, and refused elsewhere
    return switch (rnd.nextInt(20)) {
      case 0 -> ImageStrategies.capiImage("ubuntu-capi-image-" + v + (rnd.nextBoolean() ? "" : "-custom"));
      case 1 -> ImageStrategies.capiImageById(Ids.uuid(rnd));
      case 2 -> ImageStrategies.capiImageFromUrl("https://images.example.com/" + Ids.label(rnd, 20) + ".qcow2",
          sha256(rnd));
      case 3 -> ImageStrategies.capiImageFromOrc(orcImage(rnd, v));
      case 4 -> ImageStrategies.capiImageFromCspo();
      case 5 -> ImageStrategies.generalPurposeUbuntu(UbuntuNodeSetup.defaults());
      case 6 -> ImageStrategies.flatcar(FlatcarNodeSetup.defaults());
      default -> ImageStrategies.capiImage();
    };
  }

  static String sha256(Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      sb.append("0123456789abcdef".charAt(rnd.nextInt(16)));
    }
    return sb.toString();
  }

  static OrcImage orcImage(Random rnd, String version) {
    return OrcImage.of(o -> {
      o.name("ubuntu-capi-image-" + version.replace('.', '-')).url("https://images.example.com/u.qcow2")
          .checksum(sha256(rnd));
      if (rnd.nextBoolean()) {
        o.visibility(rnd.nextBoolean() ? "private" : "public").architecture("x86_64").minDiskGB(1 + rnd.nextInt(40))
            .minMemoryMB(rnd.nextInt(4096)).osDistro("ubuntu").osVersion("24.04");
      }
    });
  }

  /** Credentials of either kind, with the secret and names drawn from text config files treat specially. */
  static CloudCredentials credentials(Random rnd) {
    String url = rnd.nextBoolean() ? "https://keystone.example.com:5000/v3" : "http://10.0.0.1/identity/v3";
    CloudAuth auth = rnd.nextBoolean()
        ? CloudAuth.applicationCredential(url, Ids.uuid(rnd).replace("-", ""), secret(rnd))
        : CloudAuth.password(url, text(rnd), secret(rnd), rnd.nextBoolean() ? "Default" : text(rnd), Ids.uuid(rnd));
    CloudCredentials.Builder c = CloudCredentials.builder().auth(auth);
    if (rnd.nextBoolean()) {
      c.regionName(rnd.nextBoolean() ? "RegionOne" : text(rnd));
    }
    if (rnd.nextInt(4) == 0) {
      c.secretName(Ids.label(rnd, 40));
    }
    if (rnd.nextInt(4) == 0) {
      c.cloudName(rnd.nextBoolean() ? Ids.label(rnd, 20) : text(rnd));
    }
    if (rnd.nextInt(5) == 0) {
      c.endpointInterface(new String[] {"public", "internal", "admin"}[rnd.nextInt(3)]);
    }
    return c.build();
  }

  /** A secret: a searchable core no rendered text has by chance, with text config files treat specially. */
  static String secret(Random rnd) {
    StringBuilder sb = new StringBuilder("Sx");
    for (int i = 0; i < 12; i++) {
      sb.append((char) ('a' + rnd.nextInt(26)));
    }
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(rnd.nextBoolean() ? TRICKY[rnd.nextInt(TRICKY.length)] : Ids.label(rnd, 16));
    }
    return sb.toString();
  }

  /** A short text: a plain word, or one that YAML or config syntax reads specially. */
  static String text(Random rnd) {
    return rnd.nextBoolean() ? Ids.label(rnd, 16) : TRICKY[rnd.nextInt(TRICKY.length)];
  }

  /**
   * Settings beyond the planner's decisions: namespace, labels, networks, load balancer, OIDC, SSH key,
   * SANs and ClusterClass variables drawn from the dialect's table (each value of its declared type,
   * format and allowed values, so a refusal would be a disagreement of builder and table).
   */
  static Consumer<ClusterSpec.Builder> extras(Random rnd, Optional<StackDialect> dialect, boolean topology) {
    long seed = rnd.nextLong();
    return b -> {
      Random r = new Random(seed);
      if (r.nextBoolean()) {
        b.namespace(Ids.label(r, r.nextInt(6) == 0 ? 63 : 16));
      }
      if (r.nextInt(3) == 0) {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          b.putLabels((r.nextBoolean() ? "example.com/" : "") + Ids.label(r, 20), r.nextBoolean() ? Ids.label(r, 63) : "");
        }
      }
      if (r.nextInt(3) == 0) {
        int pods = 16 + r.nextInt(3);
        b.clusterNetwork(ClusterNetwork.of(n -> n.addPods("172." + pods + ".0.0/16").addServices("10.96.0.0/12")
            .serviceDomain(r.nextBoolean() ? "cluster.local" : Ids.label(r, 10) + ".local").dnsServiceIp("10.96.0.10")));
      }
      if (r.nextInt(3) == 0) {
        b.nodeNetwork(NodeNetwork.of(n -> {
          if (r.nextBoolean()) {
            n.externalNetworkId(Ids.uuid(r));
          }
          if (r.nextBoolean()) {
            n.nodeCidr("10." + (r.nextBoolean() ? r.nextInt(96) : 112 + r.nextInt(100)) + ".0.0/" + (16 + r.nextInt(9)));
          }
          if (r.nextBoolean()) {
            n.addDnsNameservers("9.9.9.9");
          }
          if (r.nextInt(4) == 0) {
            n.mtu(1280 + r.nextInt(8000));
          }
        }));
      }
      if (r.nextInt(4) == 0) {
        b.loadBalancer(ApiServerLoadBalancer.values()[r.nextInt(ApiServerLoadBalancer.values().length)]);
      }
      if (r.nextInt(4) == 0) {
        b.oidc(OidcConfig.of(o -> {
          o.issuerUrl("https://" + Ids.label(r, 20) + ".example.com").clientId(text(r));
          if (r.nextBoolean()) {
            o.usernameClaim(text(r)).groupsClaim(text(r)).usernamePrefix(text(r) + ":").groupsPrefix(text(r));
          }
        }));
      }
      if (r.nextInt(4) == 0) {
        b.sshKeyName(text(r));
      }
      if (r.nextInt(4) == 0) {
        b.addCertSANs(r.nextBoolean() ? "api." + Ids.label(r, 20) + ".example.com" : "10.0.0." + (1 + r.nextInt(250)));
      }
      if (dialect.isPresent() && topology && r.nextBoolean()) {
        b.variables(variables(r, dialect.get()));
      }
    };
  }

  /** A few variables of a dialect, each given a value its table allows. */
  static Map<String, Object> variables(Random rnd, StackDialect d) {
    Map<String, Object> out = new LinkedHashMap<>();
    // variables the typed settings own are set once, through them (the builder refuses both); one in 20 cases tries
    List<VariableSpec> specs = new ArrayList<>(d.variables());
    if (rnd.nextInt(20) > 0) {
      specs.removeIf(s -> d.commonVariables().containsValue(s.name()));
    }
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n && !specs.isEmpty(); i++) {
      VariableSpec s = specs.remove(rnd.nextInt(specs.size()));
      out.put(s.name(), value(rnd, s));
    }
    return out;
  }

  static Object value(Random rnd, VariableSpec s) {
    if (!s.allowedValues().isEmpty()) {
      return s.allowedValues().get(rnd.nextInt(s.allowedValues().size()));
    }
    return switch (s.type()) {
      case STRING -> s.format().<Object>map(f -> switch (f) {
        case UUID4 -> Ids.uuid(rnd);
        case CIDR -> "10." + (rnd.nextBoolean() ? rnd.nextInt(96) : 112 + rnd.nextInt(100)) + ".0.0/" + (16 + rnd.nextInt(9));
        case IPV4 -> "10.0." + rnd.nextInt(250) + "." + (1 + rnd.nextInt(250));
      }).orElseGet(() -> text(rnd));
      case INTEGER -> s.minimum().orElse(0) + rnd.nextInt(rnd.nextBoolean() ? 3 : 200);
      case NUMBER -> rnd.nextInt(100) / 4.0;
      case BOOLEAN -> rnd.nextBoolean();
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        int k = s.minItems().orElse(0) + rnd.nextInt(3);
        for (int i = 0; i < k; i++) {
          VariableType item = s.itemType().orElse(VariableType.STRING);
          items.add(item == VariableType.INTEGER ? (Object) (long) rnd.nextInt(100)
              : item == VariableType.BOOLEAN ? (Object) rnd.nextBoolean()
              : s.format().filter(f -> f == VariableFormat.UUID4).isPresent() ? Ids.uuid(rnd) : text(rnd));
        }
        yield items;
      }
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String p : s.properties()) {
          if (rnd.nextBoolean()) {
            m.put(p, text(rnd));
          }
        }
        yield m;
      }
    };
  }
}
