package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small readers of document trees and the constants the rule families share. */
final class RuleNodes {

  static final String CAPO = "infrastructure.cluster.x-k8s.io";
  static final String ORC = "openstack.k-orc.cloud";
  static final String CAPI = "cluster.x-k8s.io";
  static final String CONTROL_PLANE = "controlplane.cluster.x-k8s.io";
  static final String CSO = "clusterstack.x-k8s.io";
  static final String ADDONS = "addons.cluster.x-k8s.io";
  static final String CORE = "";

  static final FieldPath TEMPLATE_SPEC = FieldPath.of("spec.template.spec");
  static final FieldPath SPEC = FieldPath.of("spec");
  /** The schema keywords a rule about "exactly one of" says more precisely. */
  static final Set<String> MIN_MAX_PROPS = Set.of("minProperties", "maxProperties");
  /** CAPI's {@code version.KubeSemver}: an optional {@code v}, three numbers, optional suffix. */
  static final Pattern KUBE_SEMVER =
      Pattern.compile("^v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)([-0-9a-zA-Z_.+]*)?$");

  private RuleNodes() {}

  static @Nullable JsonNode at(JsonNode root, FieldPath path) {
    return path.resolve(root);
  }

  static @Nullable JsonNode at(JsonNode root, String dotted) {
    return FieldPath.of(dotted).resolve(root);
  }

  static boolean has(@Nullable JsonNode obj, String field) {
    return obj != null && obj.isObject() && obj.has(field) && !obj.get(field).isNull();
  }

  static String text(@Nullable JsonNode obj, String field) {
    return obj != null && obj.path(field).isTextual() ? obj.get(field).textValue() : "";
  }

  static int count(JsonNode obj, String... fields) {
    int n = 0;
    for (String f : fields) {
      if (obj.has(f)) {
        n++;
      }
    }
    return n;
  }

  /** The object at {@code path}, or null when absent or not an object. */
  static @Nullable JsonNode object(JsonNode root, FieldPath path) {
    JsonNode n = path.resolve(root);
    return n != null && n.isObject() ? n : null;
  }
}
