package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.CONTROL_PLANE;
import static io.clusterstacks.core.validation.internal.RuleNodes.KAMAJI;
import static io.clusterstacks.core.validation.internal.RuleNodes.SPEC;
import static io.clusterstacks.core.validation.internal.RuleNodes.TEMPLATE_SPEC;
import static io.clusterstacks.core.validation.internal.RuleNodes.at;
import static io.clusterstacks.core.validation.internal.RuleNodes.has;
import static io.clusterstacks.core.validation.internal.RuleNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Kamaji's CEL rules on KamajiControlPlane(Template), TenantControlPlane and DataStore. */
final class KamajiRules extends RuleFamily {

  private final Rule agentReplicas = rule("kamaji.konnectivity.agentReplicas");
  private final Rule networkSourceRanges = rule("kamaji.network.loadBalancerSourceRanges");
  private final Rule networkLoadBalancerClass = rule("kamaji.network.loadBalancerClass");
  private final Rule ingressOrGateway = rule("kamaji.tcp.ingressOrGateway");
  private final Rule cidr = rule("kamaji.tcp.cidr");
  private final Rule dnsServiceIps = rule("kamaji.tcp.dnsServiceIPs");
  private final Rule tcpSourceRanges = rule("kamaji.tcp.loadBalancerSourceRanges");
  private final Rule tcpLoadBalancerClass = rule("kamaji.tcp.loadBalancerClass");
  private final Rule etcdTls = rule("kamaji.dataStore.etcdTls");
  private final Rule auth = rule("kamaji.dataStore.auth");

  KamajiRules() {
    on(CONTROL_PLANE, "KamajiControlPlane", (i, b) -> kamajiControlPlane(i, SPEC));
    on(CONTROL_PLANE, "KamajiControlPlaneTemplate", (i, b) -> kamajiControlPlane(i, TEMPLATE_SPEC));
    on(KAMAJI, "TenantControlPlane", (i, b) -> tenantControlPlane(i));
    on(KAMAJI, "DataStore", (i, b) -> dataStore(i));
  }

  private void konnectivity(ValidationEngine.Item i, FieldPath specPath) {
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
      agentReplicas.report(i.ctx, ap.child("replicas"), replicas, mode.equals("DaemonSet")
              ? "0 or unset with mode DaemonSet" : "more than 0 or unset with mode Deployment",
          "replicas must be 0 (or unset) when mode is DaemonSet, and greater than 0 (or unset) when mode is "
              + "Deployment");
    }
  }

  private void kamajiControlPlane(ValidationEngine.Item i, FieldPath specPath) {
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
        networkSourceRanges.report(i.ctx, np.child("loadBalancerConfig").child("loadBalancerSourceRanges"), ranges,
            "only with serviceType LoadBalancer (is " + type + ")",
            "LoadBalancerSourceRanges are supported only with LoadBalancer service type");
      }
      if (has(lb, "loadBalancerClass")) {
        networkLoadBalancerClass.report(i.ctx, np.child("loadBalancerConfig").child("loadBalancerClass"),
            lb.get("loadBalancerClass"), "only with serviceType LoadBalancer (is " + type + ")",
            "LoadBalancerClass is supported only with LoadBalancer service type");
      }
    }
  }

  private void tenantControlPlane(ValidationEngine.Item i) {
    FieldPath sp = FieldPath.ROOT.child("spec");
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    konnectivity(i, sp);
    JsonNode cp = spec.path("controlPlane");
    if (has(cp, "ingress") && has(cp, "gateway")) {
      ingressOrGateway.report(c, sp.child("controlPlane").child("gateway"), cp.get("gateway"), "ingress or gateway, not both",
          "using both ingress and gateway is not supported");
    }
    JsonNode np = spec.path("networkProfile");
    FieldPath npp = sp.child("networkProfile");
    String serviceCidr = text(np, "serviceCidr");
    for (String f : List.of("podCidr", "serviceCidr")) {
      String v = text(np, f);
      if (!v.isEmpty() && !IpAddresses.isCidr(v)) {
        cidr.report(c, npp.child(f), np.get(f), "empty or a CIDR", f + " must be empty or a valid CIDR");
      }
    }
    JsonNode ranges = np.get("loadBalancerSourceRanges");
    if (ranges != null && ranges.isArray()) {
      for (int k = 0; k < ranges.size(); k++) {
        if (!ranges.get(k).isTextual() || !IpAddresses.isCidr(ranges.get(k).textValue())) {
          cidr.report(c, npp.child("loadBalancerSourceRanges").at(k), ranges.get(k), "a CIDR",
              "all LoadBalancer source range entries must be valid CIDR");
        }
      }
    }
    JsonNode dns = np.get("dnsServiceIPs");
    if (dns != null && dns.isArray() && IpAddresses.isCidr(serviceCidr)) {
      for (int k = 0; k < dns.size(); k++) {
        if (!IpAddresses.contains(serviceCidr, dns.get(k).asText())) {
          dnsServiceIps.report(c, npp.child("dnsServiceIPs").at(k), dns.get(k),
              "an address inside serviceCidr " + serviceCidr, "all DNS service IPs must be part of the Service CIDR");
        }
      }
    }
    String type = text(cp.path("service"), "serviceType");
    if (ranges != null && ranges.isArray() && !ranges.isEmpty() && !type.equals("LoadBalancer")) {
      tcpSourceRanges.report(c, npp.child("loadBalancerSourceRanges"), ranges,
          "only with serviceType LoadBalancer (is " + type + ")",
          "LoadBalancer source ranges are supported only with LoadBalancer service type");
    }
    if (has(np, "loadBalancerClass") && !type.equals("LoadBalancer")) {
      tcpLoadBalancerClass.report(c, npp.child("loadBalancerClass"), np.get("loadBalancerClass"),
          "only with serviceType LoadBalancer", "LoadBalancerClass is supported only with LoadBalancer service type");
    }
  }

  private void dataStore(ValidationEngine.Item i) {
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
          etcdTls.report(c, sp.child("tlsConfig").child(n[0]).child(n[1]), null, "secretReference or content",
              n[0] + " " + n[1] + " must have secretReference or content when driver is etcd");
        }
      }
    } else if (!driver.isEmpty()) {
      boolean basic = has(spec, "basicAuth");
      if (tls == null && !basic) {
        auth.report(c, sp.child("tlsConfig"), null, "tlsConfig or basicAuth",
            "When driver is not etcd, either tlsConfig or basicAuth must be provided");
      }
      if (tls != null && has(tls, "clientCertificate")) {
        JsonNode cert = tls.get("clientCertificate").get("certificate");
        if (!(has(cert, "secretReference") || has(cert, "content"))) {
          auth.report(c, sp.child("tlsConfig").child("clientCertificate").child("certificate"), null,
              "secretReference or content",
              "When driver is not etcd and tlsConfig exists, clientCertificate must be null or contain valid content");
        }
      }
      if (basic) {
        for (String f : List.of("username", "password")) {
          JsonNode ref = spec.get("basicAuth").get(f);
          if (!(has(ref, "secretReference") || has(ref, "content"))) {
            auth.report(c, sp.child("basicAuth").child(f), null, "secretReference or content",
                "When driver is not etcd and basicAuth exists, " + f + " must have secretReference or content");
          }
        }
      }
    }
  }
}
