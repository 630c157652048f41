package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.CONTROL_PLANE;
import static io.clusterstacks.core.validation.internal.RuleNodes.KUBE_SEMVER;
import static io.clusterstacks.core.validation.internal.RuleNodes.TEMPLATE_SPEC;
import static io.clusterstacks.core.validation.internal.RuleNodes.at;
import static io.clusterstacks.core.validation.internal.RuleNodes.has;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** CAPI's KubeadmControlPlane webhook: replicas, rollout surge and version. */
final class KubeadmRules extends RuleFamily {

  private final Rule replicasPositive = rule("capi.kcp.replicas");
  private final Rule replicasOdd = rule("capi.kcp.replicas.odd");
  private final Rule maxSurge = rule("capi.kcp.maxSurge");
  private final Rule scaleIn = rule("capi.kcp.scaleIn");
  private final Rule version = rule("capi.kcp.version");

  KubeadmRules() {
    on(CONTROL_PLANE, "KubeadmControlPlane", (i, b) -> kubeadmControlPlane(i));
    on(CONTROL_PLANE, "KubeadmControlPlaneTemplate", (i, b) -> maxSurge(i, TEMPLATE_SPEC, null));
  }

  private void kubeadmControlPlane(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    FieldPath p = FieldPath.ROOT.child("spec");
    JsonNode replicas = spec.get("replicas");
    Long n = replicas != null && replicas.isIntegralNumber() ? replicas.asLong() : null;
    if (n != null && n <= 0) {
      replicasPositive.report(c, p.child("replicas"), replicas, "1 or more (odd with stacked etcd)",
          "cannot be less than or equal to 0");
    } else if (n != null && n % 2 == 0 && !has(spec.path("kubeadmConfigSpec").path("clusterConfiguration")
        .path("etcd"), "external")) {
      replicasOdd.report(c, p.child("replicas"), replicas, "an odd number (1, 3, 5) with stacked etcd",
          "cannot be an even number when etcd is stacked");
    }
    maxSurge(i, p, n);
    JsonNode v = spec.get("version");
    if (v != null && v.isTextual() && !KUBE_SEMVER.matcher(v.textValue()).matches()) {
      version.report(c, p.child("version"), v, "a Kubernetes version such as v1.33.4",
          "must be a valid semantic version");
    }
  }

  private void maxSurge(ValidationEngine.Item i, FieldPath specPath, @Nullable Long replicas) {
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
      maxSurge.report(i.ctx, sp, surge, "the integer 0 or 1", "value must be 1 or 0");
    } else if (surge.asLong() == 0 && replicas != null && replicas < 3) {
      scaleIn.report(i.ctx, sp, surge, "0 only with 3 or more replicas (use 1 below)",
          "when KubeadmControlPlane is configured to scale-in, replica count needs to be at least 3");
    }
  }
}
