package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.manifest.Notice;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.stack.WorkloadSecretStyle;

/**
 * The credentials Secrets: the management Secret CAPO and ORC read, the workload Secret a
 * ClusterResourceSet delivers into the cluster, and that ClusterResourceSet.
 */
final class CredentialObjects {
  private CredentialObjects() {}

  static void render(RenderContext ctx, CloudCredentials c) {
    boolean bodies = ctx.options.includeSecretBodies();
    ObjectNode mgmt = ctx.header("v1", "Secret", c.secretName());
    ((ObjectNode) mgmt.get("metadata")).putObject("labels").put("clusterctl.cluster.x-k8s.io/move", "true");
    mgmt.put("type", "Opaque");
    String cloudsYaml = bodies ? Credentials.cloudsYaml(c, "") : "";
    if (bodies) {
      ObjectNode data = mgmt.putObject("stringData");
      data.put("clouds.yaml", cloudsYaml);
      c.caCert().ifPresent(ca -> data.put("cacert", ca));
    }
    ctx.docs.add(mgmt);

    WorkloadSecretStyle style = ctx.workloadStyle();
    String crsName = c.secretName() + "-" + style.secretName();
    ObjectNode workload = ctx.header("v1", "Secret", crsName);
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
    ctx.docs.add(workload);

    ObjectNode crs = ctx.header(ApiVersions.ADDONS, "ClusterResourceSet", crsName);
    ObjectNode spec = crs.putObject("spec");
    spec.put("strategy", "Reconcile");
    ObjectNode ml = spec.putObject("clusterSelector").putObject("matchLabels");
    ml.put(ApiVersions.CREDENTIALS_LABEL, c.secretName());
    ml.put(ApiVersions.MANAGED_SECRET_LABEL, style.secretName());
    ObjectNode res = spec.putArray("resources").addObject();
    res.put("kind", "Secret");
    res.put("name", crsName);
    ctx.docs.add(crs);
    if (!bodies) {
      ctx.notices.add(Notice.of(Severity.WARNING, Notice.Code.SECRET_BODIES_OMITTED, "Secret bodies were left out "
          + "(GitOps): create Secret " + c.secretName() + " with key clouds.yaml, and Secret " + crsName + " of type "
          + "addons.cluster.x-k8s.io/resource-set holding a kube-system/" + style.secretName() + " Secret with key "
          + style.dataKey() + ", out of band (e.g. sealed-secrets or external-secrets)"));
    }
  }
}
