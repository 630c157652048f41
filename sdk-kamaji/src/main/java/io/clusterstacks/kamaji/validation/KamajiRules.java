package io.clusterstacks.kamaji.validation;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.validation.CelFunctions;
import io.clusterstacks.core.validation.RuleContext;
import io.clusterstacks.core.validation.ValidationRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Kamaji's CEL rules, one {@link ValidationRule} per rule name and kind (a rule on KamajiControlPlane and
 * its Template is the same rule on two kinds). Sources: the CRDs of Kamaji and its CAPI provider v0.19.0.
 */
final class KamajiRules {
  static final String CONTROL_PLANE = "controlplane.cluster.x-k8s.io";
  static final String KAMAJI = "kamaji.clastix.io";

  static final String AGENT_REPLICAS = "kamaji.konnectivity.agentReplicas";
  static final String NETWORK_SOURCE_RANGES = "kamaji.network.loadBalancerSourceRanges";
  static final String NETWORK_LB_CLASS = "kamaji.network.loadBalancerClass";
  static final String INGRESS_OR_GATEWAY = "kamaji.tcp.ingressOrGateway";
  static final String CIDR = "kamaji.tcp.cidr";
  static final String DNS_SERVICE_IPS = "kamaji.tcp.dnsServiceIPs";
  static final String TCP_SOURCE_RANGES = "kamaji.tcp.loadBalancerSourceRanges";
  static final String TCP_LB_CLASS = "kamaji.tcp.loadBalancerClass";
  static final String ETCD_TLS = "kamaji.dataStore.etcdTls";
  static final String AUTH = "kamaji.dataStore.auth";

  static final List<ValidationRule> ALL = List.of(
      rule(AGENT_REPLICAS, CONTROL_PLANE, "KamajiControlPlane", (d, c) -> konnectivity(spec(d), "spec", c)),
      rule(AGENT_REPLICAS, CONTROL_PLANE, "KamajiControlPlaneTemplate",
          (d, c) -> konnectivity(templateSpec(d), "spec.template.spec", c)),
      rule(AGENT_REPLICAS, KAMAJI, "TenantControlPlane", (d, c) -> konnectivity(spec(d), "spec", c)),
      rule(NETWORK_SOURCE_RANGES, CONTROL_PLANE, "KamajiControlPlane", (d, c) -> sourceRanges(spec(d), "spec", c)),
      rule(NETWORK_SOURCE_RANGES, CONTROL_PLANE, "KamajiControlPlaneTemplate",
          (d, c) -> sourceRanges(templateSpec(d), "spec.template.spec", c)),
      rule(NETWORK_LB_CLASS, CONTROL_PLANE, "KamajiControlPlane", (d, c) -> loadBalancerClass(spec(d), "spec", c)),
      rule(NETWORK_LB_CLASS, CONTROL_PLANE, "KamajiControlPlaneTemplate",
          (d, c) -> loadBalancerClass(templateSpec(d), "spec.template.spec", c)),
      rule(INGRESS_OR_GATEWAY, KAMAJI, "TenantControlPlane", KamajiRules::ingressOrGateway),
      rule(CIDR, KAMAJI, "TenantControlPlane", KamajiRules::cidrs),
      rule(DNS_SERVICE_IPS, KAMAJI, "TenantControlPlane", KamajiRules::dnsServiceIps),
      rule(TCP_SOURCE_RANGES, KAMAJI, "TenantControlPlane", KamajiRules::tcpSourceRanges),
      rule(TCP_LB_CLASS, KAMAJI, "TenantControlPlane", KamajiRules::tcpLoadBalancerClass),
      rule(ETCD_TLS, KAMAJI, "DataStore", KamajiRules::etcdTls),
      rule(AUTH, KAMAJI, "DataStore", KamajiRules::auth));

  static final List<String> NAMES = List.copyOf(new LinkedHashSet<>(ALL.stream().map(ValidationRule::name).toList()));

  private KamajiRules() {}

  /** One rule on one kind. */
  private record Rule(String name, String group, String kind, BiConsumer<Map<String, @Nullable Object>, RuleContext> check)
      implements ValidationRule {
    @Override
    public void check(ManifestDocument document, RuleContext context) {
      check.accept(document.toMap(), context);
    }

    @Override
    public String toString() {
      return name + " on " + group + "/" + kind;
    }
  }

  private static ValidationRule rule(String name, String group, String kind,
      BiConsumer<Map<String, @Nullable Object>, RuleContext> check) {
    return new Rule(name, group, kind, check);
  }

  // ---- the rules ------------------------------------------------------------------------------

  private static void konnectivity(@Nullable Object spec, String specPath, RuleContext c) {
    Object agent = get(get(get(spec, "addons"), "konnectivity"), "agent");
    if (!(agent instanceof Map) || !(get(agent, "replicas") instanceof Number replicas)) {
      return;
    }
    String mode = text(agent, "mode");
    long n = replicas.longValue();
    if ((mode.equals("DaemonSet") && n != 0) || (mode.equals("Deployment") && n == 0)) {
      c.violation(specPath + ".addons.konnectivity.agent.replicas", mode.equals("DaemonSet")
              ? "0 or unset with mode DaemonSet" : "more than 0 or unset with mode Deployment",
          "replicas must be 0 (or unset) when mode is DaemonSet, and greater than 0 (or unset) when mode is "
              + "Deployment");
    }
  }

  private static void sourceRanges(@Nullable Object spec, String specPath, RuleContext c) {
    Object net = get(spec, "network");
    Object lb = get(net, "loadBalancerConfig");
    String type = text(net, "serviceType");
    if (lb instanceof Map && !type.equals("LoadBalancer") && get(lb, "loadBalancerSourceRanges") instanceof List<?> r
        && !r.isEmpty()) {
      c.violation(specPath + ".network.loadBalancerConfig.loadBalancerSourceRanges",
          "only with serviceType LoadBalancer (is " + type + ")",
          "LoadBalancerSourceRanges are supported only with LoadBalancer service type");
    }
  }

  private static void loadBalancerClass(@Nullable Object spec, String specPath, RuleContext c) {
    Object net = get(spec, "network");
    Object lb = get(net, "loadBalancerConfig");
    String type = text(net, "serviceType");
    if (lb instanceof Map && !type.equals("LoadBalancer") && has(lb, "loadBalancerClass")) {
      c.violation(specPath + ".network.loadBalancerConfig.loadBalancerClass",
          "only with serviceType LoadBalancer (is " + type + ")",
          "LoadBalancerClass is supported only with LoadBalancer service type");
    }
  }

  private static void ingressOrGateway(Map<String, @Nullable Object> d, RuleContext c) {
    Object cp = get(spec(d), "controlPlane");
    if (has(cp, "ingress") && has(cp, "gateway")) {
      c.violation("spec.controlPlane.gateway", "ingress or gateway, not both",
          "using both ingress and gateway is not supported");
    }
  }

  private static void cidrs(Map<String, @Nullable Object> d, RuleContext c) {
    Object np = get(spec(d), "networkProfile");
    for (String f : List.of("podCidr", "serviceCidr")) {
      String v = text(np, f);
      if (!v.isEmpty() && !CelFunctions.isCidr(v)) {
        c.violation("spec.networkProfile." + f, "empty or a CIDR", f + " must be empty or a valid CIDR");
      }
    }
    if (get(np, "loadBalancerSourceRanges") instanceof List<?> ranges) {
      for (int k = 0; k < ranges.size(); k++) {
        if (!(ranges.get(k) instanceof String s) || !CelFunctions.isCidr(s)) {
          c.violation("spec.networkProfile.loadBalancerSourceRanges[" + k + "]", "a CIDR",
              "all LoadBalancer source range entries must be valid CIDR");
        }
      }
    }
  }

  private static void dnsServiceIps(Map<String, @Nullable Object> d, RuleContext c) {
    Object np = get(spec(d), "networkProfile");
    String serviceCidr = text(np, "serviceCidr");
    if (get(np, "dnsServiceIPs") instanceof List<?> dns && CelFunctions.isCidr(serviceCidr)) {
      for (int k = 0; k < dns.size(); k++) {
        if (!CelFunctions.cidrContainsIp(serviceCidr, String.valueOf(dns.get(k)))) {
          c.violation("spec.networkProfile.dnsServiceIPs[" + k + "]", "an address inside serviceCidr " + serviceCidr,
              "all DNS service IPs must be part of the Service CIDR");
        }
      }
    }
  }

  private static String serviceType(Map<String, @Nullable Object> d) {
    return text(get(get(spec(d), "controlPlane"), "service"), "serviceType");
  }

  private static void tcpSourceRanges(Map<String, @Nullable Object> d, RuleContext c) {
    String type = serviceType(d);
    if (get(get(spec(d), "networkProfile"), "loadBalancerSourceRanges") instanceof List<?> ranges && !ranges.isEmpty()
        && !type.equals("LoadBalancer")) {
      c.violation("spec.networkProfile.loadBalancerSourceRanges", "only with serviceType LoadBalancer (is " + type + ")",
          "LoadBalancer source ranges are supported only with LoadBalancer service type");
    }
  }

  private static void tcpLoadBalancerClass(Map<String, @Nullable Object> d, RuleContext c) {
    if (has(get(spec(d), "networkProfile"), "loadBalancerClass") && !serviceType(d).equals("LoadBalancer")) {
      c.violation("spec.networkProfile.loadBalancerClass", "only with serviceType LoadBalancer",
          "LoadBalancerClass is supported only with LoadBalancer service type");
    }
  }

  private static void etcdTls(Map<String, @Nullable Object> d, RuleContext c) {
    Object spec = spec(d);
    if (!text(spec, "driver").equals("etcd")) {
      return;
    }
    Object tls = get(spec, "tlsConfig");
    String[][] needs = {{"certificateAuthority", "privateKey"}, {"clientCertificate", "certificate"},
        {"clientCertificate", "privateKey"}};
    for (String[] n : needs) {
      if (!hasSecretOrContent(get(get(tls, n[0]), n[1]))) {
        c.violation("spec.tlsConfig." + n[0] + "." + n[1], "secretReference or content",
            n[0] + " " + n[1] + " must have secretReference or content when driver is etcd");
      }
    }
  }

  private static void auth(Map<String, @Nullable Object> d, RuleContext c) {
    Object spec = spec(d);
    String driver = text(spec, "driver");
    if (driver.isEmpty() || driver.equals("etcd")) {
      return;
    }
    Object tls = get(spec, "tlsConfig");
    boolean basic = has(spec, "basicAuth");
    if (tls == null && !basic) {
      c.violation("spec.tlsConfig", "tlsConfig or basicAuth",
          "When driver is not etcd, either tlsConfig or basicAuth must be provided");
    }
    if (has(tls, "clientCertificate") && !hasSecretOrContent(get(get(tls, "clientCertificate"), "certificate"))) {
      c.violation("spec.tlsConfig.clientCertificate.certificate", "secretReference or content",
          "When driver is not etcd and tlsConfig exists, clientCertificate must be null or contain valid content");
    }
    if (basic) {
      for (String f : List.of("username", "password")) {
        if (!hasSecretOrContent(get(get(spec, "basicAuth"), f))) {
          c.violation("spec.basicAuth." + f, "secretReference or content",
              "When driver is not etcd and basicAuth exists, " + f + " must have secretReference or content");
        }
      }
    }
  }

  // ---- readers of the document map ------------------------------------------------------------

  private static @Nullable Object spec(Map<String, @Nullable Object> d) {
    Object spec = d.get("spec");
    return spec instanceof Map ? spec : null;
  }

  private static @Nullable Object templateSpec(Map<String, @Nullable Object> d) {
    return get(get(spec(d), "template"), "spec");
  }

  private static @Nullable Object get(@Nullable Object map, String field) {
    return map instanceof Map<?, ?> m ? m.get(field) : null;
  }

  private static boolean has(@Nullable Object map, String field) {
    return get(map, field) != null;
  }

  private static String text(@Nullable Object map, String field) {
    return get(map, field) instanceof String s ? s : "";
  }

  private static boolean hasSecretOrContent(@Nullable Object ref) {
    return has(ref, "secretReference") || has(ref, "content");
  }
}
