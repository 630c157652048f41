package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.ADDONS;
import static io.clusterstacks.core.validation.internal.RuleNodes.CAPI;
import static io.clusterstacks.core.validation.internal.RuleNodes.KUBE_SEMVER;
import static io.clusterstacks.core.validation.internal.RuleNodes.at;
import static io.clusterstacks.core.validation.internal.RuleNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.VariableSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CAPI's webhooks on Cluster (topology version and variables), MachineDeployment (version) and
 * ClusterResourceSet (selector), and the SDK's rule that a ClusterResourceSet delivers something.
 */
final class CapiRules extends RuleFamily {

  private final Rule topologyVersion = rule("capi.cluster.topology.version");
  private final Rule variables = rule("capi.cluster.variables");
  private final Rule machineDeploymentVersion = rule("capi.machineDeployment.version");
  private final Rule selectorNotEmpty = rule("capi.crs.selectorNotEmpty");
  private final Rule resources = rule("capi.crs.resources");

  CapiRules() {
    on(CAPI, "Cluster", (i, b) -> cluster(i));
    on(CAPI, "MachineDeployment", (i, b) -> machineDeployment(i));
    on(ADDONS, "ClusterResourceSet", (i, b) -> clusterResourceSet(i));
  }

  private void cluster(ValidationEngine.Item i) {
    JsonNode topology = at(i.doc, "spec.topology");
    if (topology == null || !topology.isObject()) {
      return;
    }
    JsonNode version = topology.get("version");
    if (version != null && version.isTextual() && !KUBE_SEMVER.matcher(version.textValue()).matches()) {
      topologyVersion.report(i.ctx, FieldPath.of("spec.topology.version"), version,
          "a Kubernetes version such as v1.33.4", "must be a valid semantic version");
    }
    clusterVariables(i, topology);
  }

  /**
   * CAPI's topology webhook checks variables against the ClusterClass's variable schemas; offline, the
   * SDK's stack dialect of the class stands in for them (classes without a dialect are not checked).
   */
  private void clusterVariables(ValidationEngine.Item i, JsonNode topology) {
    Optional<StackDialect> dialect = ClusterClassName.tryParse(text(topology, "class"))
        .flatMap(StackDialects::forClass);
    if (dialect.isEmpty()) {
      return;
    }
    StackDialect d = dialect.get();
    FieldPath tp = FieldPath.of("spec.topology");
    Set<String> set = new HashSet<>();
    checkVariables(i.ctx, d, topology.get("variables"), tp.child("variables"), set);
    for (VariableSpec spec : d.variables()) {
      if (spec.required() && !set.contains(spec.name())) {
        variables.report(i.ctx, tp.child("variables"), null, "a value for the required variable " + spec.name(),
            "required variable " + spec.name() + " of stack dialect " + d.id() + " is not set");
      }
    }
    checkVariables(i.ctx, d, topology.path("controlPlane").path("variables").get("overrides"),
        tp.child("controlPlane").child("variables").child("overrides"), new HashSet<>());
    JsonNode mds = topology.path("workers").get("machineDeployments");
    if (mds != null && mds.isArray()) {
      for (int k = 0; k < mds.size(); k++) {
        checkVariables(i.ctx, d, mds.get(k).path("variables").get("overrides"),
            tp.child("workers").child("machineDeployments").at(k).child("variables").child("overrides"),
            new HashSet<>());
      }
    }
  }

  private void checkVariables(DocContext c, StackDialect d, @Nullable JsonNode list, FieldPath lp, Set<String> seen) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int k = 0; k < list.size(); k++) {
      JsonNode var = list.get(k);
      String name = text(var, "name");
      if (name.isEmpty() || !var.has("value")) {
        continue;
      }
      seen.add(name);
      FieldPath vp = lp.at(k);
      if (d.variable(name).isEmpty()) {
        // the message lists the valid names already: the allowed text does not repeat them
        variables.report(c, vp.child("name"), var.get("name"), "one of the variables of stack dialect " + d.id()
            + " (listed in the message)", d.unknownMessage(name));
        continue;
      }
      List<Problem> problems = d.problems(name, toJava(var.get("value")));
      if (!problems.isEmpty()) {
        variables.report(c, vp.child("value"), var.get("value"),
            "a value of the variable's schema in stack dialect " + d.id(),
            String.join("; ", problems.stream().map(p -> p.path() + ": " + p.fix()).toList()));
      }
    }
  }

  private static @Nullable Object toJava(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isArray()) {
      List<@Nullable Object> l = new ArrayList<>();
      n.forEach(x -> l.add(toJava(x)));
      return l;
    }
    if (n.isObject()) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), toJava(e.getValue()));
      }
      return m;
    }
    return null;
  }

  private void machineDeployment(ValidationEngine.Item i) {
    JsonNode version = at(i.doc, "spec.template.spec.version");
    if (version != null && version.isTextual() && !KUBE_SEMVER.matcher(version.textValue()).matches()) {
      machineDeploymentVersion.report(i.ctx, FieldPath.of("spec.template.spec.version"), version,
          "a Kubernetes version such as v1.33.4", "must be a valid semantic version");
    }
  }

  private void clusterResourceSet(ValidationEngine.Item i) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    JsonNode sel = spec.get("clusterSelector");
    if (sel != null && sel.isObject()) {
      boolean empty = sel.path("matchLabels").isEmpty() && sel.path("matchExpressions").isEmpty();
      if (empty) {
        selectorNotEmpty.report(i.ctx, FieldPath.of("spec.clusterSelector"), sel,
            "matchLabels or matchExpressions selecting clusters",
            "selector must not be empty (an empty selector selects no cluster)");
      }
    }
    JsonNode res = spec.get("resources");
    if (res == null || !res.isArray() || res.isEmpty()) {
      resources.report(i.ctx, FieldPath.of("spec.resources"), res, "at least one Secret or ConfigMap",
          "a ClusterResourceSet without resources delivers nothing");
    }
  }
}
