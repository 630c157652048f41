package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.CAPI;
import static io.clusterstacks.core.validation.internal.RuleNodes.CSO;
import static io.clusterstacks.core.validation.internal.RuleNodes.KUBE_SEMVER;
import static io.clusterstacks.core.validation.internal.RuleNodes.at;
import static io.clusterstacks.core.validation.internal.RuleNodes.has;
import static io.clusterstacks.core.validation.internal.RuleNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cluster Stack Operator's rules: ClusterStack versions and provider, and a Cluster of a
 * cluster-stack class (exact Kubernetes version of the release, release listed by its ClusterStack).
 */
final class CsoRules extends RuleFamily {

  /** The exact form the CSO compares against a release's Kubernetes version. */
  private static final Pattern EXACT_VERSION = Pattern.compile("^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$");
  /** CSO {@code pkg/version}: {@code vN} (stable) or {@code vN-<channel>.<patch>} (custom). */
  private static final Pattern CS_VERSION = Pattern.compile("^v\\d+(-\\b\\w+\\b\\.\\w+)?$");
  /** A cluster-stack ClusterClass name: provider-stack-major-minor-version. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("^([a-z0-9]+)-([a-z0-9]+)-(\\d+)-(\\d+)-(v\\d+(?:-\\w+\\.\\w+)?)$");

  private final Rule versions = rule("cso.clusterStack.versions");
  private final Rule providerRef = rule("cso.clusterStack.providerRef");
  private final Rule topologyVersion = rule("cso.cluster.topologyVersion");
  private final Rule versionMatchesClass = rule("cso.cluster.versionMatchesClass");
  private final Rule exactPatchVersion = rule("cso.cluster.exactPatchVersion");
  private final Rule releaseListed = rule("cso.cluster.releaseListed");

  CsoRules() {
    on(CSO, "ClusterStack", (i, b) -> clusterStack(i));
    on(CAPI, "Cluster", this::clusterVersion);
  }

  private void clusterStack(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    JsonNode vs = spec.get("versions");
    if (vs != null && vs.isArray()) {
      for (int k = 0; k < vs.size(); k++) {
        JsonNode v = vs.get(k);
        if (v.isTextual() && !CS_VERSION.matcher(v.textValue()).matches()) {
          versions.report(c, FieldPath.of("spec.versions").at(k), v, "vN (stable) or vN-<channel>.<patch> (custom), "
              + "e.g. v1, v0-sha.lvlvyfw", "is not a cluster-stack release version");
        }
      }
    }
    if (!spec.path("noProvider").asBoolean(false) && !has(spec, "providerRef")) {
      providerRef.report(c, FieldPath.of("spec.providerRef"), null, "a providerRef (e.g. an "
          + "OpenStackClusterStackReleaseTemplate), or noProvider: true", "providerRef is required when noProvider is "
          + "false");
    }
  }

  /** Runs only on a Kubernetes semantic version: CAPI's rule reports any other form. */
  private void clusterVersion(ValidationEngine.Item i, List<ValidationEngine.Item> batch) {
    JsonNode topology = at(i.doc, "spec.topology");
    if (topology == null || !topology.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    FieldPath vp = FieldPath.of("spec.topology.version");
    JsonNode version = topology.get("version");
    String v = version != null && version.isTextual() ? version.textValue() : null;
    String className = text(topology, "class");
    Matcher m = CLASS_NAME.matcher(className);
    if (v == null || !KUBE_SEMVER.matcher(v).matches() || !m.matches()) {
      return;
    }
    // A cluster-stack class: the CSO webhook compares topology.version with the release's exact version.
    if (!EXACT_VERSION.matcher(v).matches()) {
      // the usual mistake is a missing v (1.33.4): suggest the user's own version in the exact form
      String suggestion = EXACT_VERSION.matcher("v" + v).matches() ? "v" + v
          : "v" + m.group(3) + "." + m.group(4) + ".<patch>";
      topologyVersion.report(c, vp, version, "v<major>.<minor>.<patch>, here " + suggestion,
          "cluster-stack releases name their Kubernetes version exactly as v<major>.<minor>.<patch>; write it in "
              + "that form");
      return;
    }
    String[] parts = v.substring(1).split("\\.");
    if (!parts[0].equals(m.group(3)) || !parts[1].equals(m.group(4))) {
      versionMatchesClass.report(c, vp, version, "v" + m.group(3) + "." + m.group(4) + ".<patch> (the class is for "
              + "Kubernetes " + m.group(3) + "." + m.group(4) + ")",
          "the version does not belong to the cluster-stack release " + className);
      return;
    }
    String exact = c.engine().releaseKubernetesVersion(className);
    if (exact != null) {
      if (!exact.equals(v)) {
        exactPatchVersion.report(c, vp, version, exact + " (the release's Kubernetes version)",
            "the CSO webhook requires the exact Kubernetes version of release " + className);
      }
    } else {
      c.warn(vp, "exact patch version not verified: the Kubernetes version of release " + className
          + " is unknown to the validator (only the form and minor version were checked)");
    }
    releaseListed(i, batch, m, className);
  }

  private void releaseListed(ValidationEngine.Item i, List<ValidationEngine.Item> batch, Matcher m, String className) {
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
      releaseListed.report(i.ctx, FieldPath.of("spec.topology.class"), i.doc.path("spec").path("topology").get("class"),
          "a class of a listed release " + listed,
          "the ClusterStack in this set does not list release " + m.group(5)
              + " and does not auto-subscribe, so this ClusterClass will never exist");
    }
  }
}
