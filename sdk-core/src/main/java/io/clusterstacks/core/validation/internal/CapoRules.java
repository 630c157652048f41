package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.CAPO;
import static io.clusterstacks.core.validation.internal.RuleNodes.MIN_MAX_PROPS;
import static io.clusterstacks.core.validation.internal.RuleNodes.SPEC;
import static io.clusterstacks.core.validation.internal.RuleNodes.TEMPLATE_SPEC;
import static io.clusterstacks.core.validation.internal.RuleNodes.count;
import static io.clusterstacks.core.validation.internal.RuleNodes.has;
import static io.clusterstacks.core.validation.internal.RuleNodes.object;
import static io.clusterstacks.core.validation.internal.RuleNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** CAPO's CEL rules on machine and cluster specs, and the SDK's stricter flavor rule. */
final class CapoRules extends RuleFamily {

  private final Rule flavorOrFlavorId = rule("capo.machine.flavorOrFlavorID");
  private final Rule flavorAndFlavorId = rule("capo.machine.flavorAndFlavorID");
  private final Rule imageExactlyOne = rule("capo.image.exactlyOne");
  private final Rule serverGroupNonEmpty = rule("capo.serverGroup.nonEmpty");
  private final Rule availabilityZoneName = rule("capo.availabilityZone.name");
  private final Rule schedulerHintValue = rule("capo.schedulerHint.value");
  private final Rule bastionSpec = rule("capo.cluster.bastionSpec");
  private final Rule bastionFloatingIp = rule("capo.cluster.disableExternalNetwork.bastionFloatingIP");
  private final Rule apiServerFloatingIp = rule("capo.cluster.disableExternalNetwork.apiServerFloatingIP");

  CapoRules() {
    on(CAPO, "OpenStackMachineTemplate", (i, b) -> machineSpec(i.ctx, i.doc, TEMPLATE_SPEC));
    on(CAPO, "OpenStackCluster", (i, b) -> clusterSpec(i.ctx, i.doc, SPEC));
    on(CAPO, "OpenStackClusterTemplate", (i, b) -> clusterSpec(i.ctx, i.doc, TEMPLATE_SPEC));
  }

  private void machineSpec(DocContext c, JsonNode doc, FieldPath p) {
    JsonNode spec = object(doc, p);
    if (spec == null) {
      return;
    }
    boolean flavor = has(spec, "flavor");
    boolean flavorId = has(spec, "flavorID");
    if (!flavor && !flavorId) {
      flavorOrFlavorId.report(c, p.child("flavor"), null, "flavor (a flavor name) or flavorID",
          "at least one of flavor or flavorID must be set");
    } else if (flavor && flavorId) {
      flavorAndFlavorId.report(c, p.child("flavorID"), spec.get("flavorID"), "flavor or flavorID, not both",
          "both flavor and flavorID are set; CAPO silently uses flavorID, so remove one (stricter than the API "
              + "server)");
    }
    JsonNode image = spec.get("image");
    if (image != null && image.isObject()) {
      int n = count(image, "id", "filter", "imageRef");
      if (n != 1 || image.size() != 1) {
        imageExactlyOne.reportInstead(MIN_MAX_PROPS, c, p.child("image"), image, "exactly one of id, filter, imageRef",
            "image must name exactly one of id, filter or imageRef (has " + n + ")");
      }
    }
    serverGroup(c, spec, p.child("serverGroup"));
    availabilityZone(c, spec, p.child("rootVolume"), "rootVolume");
    JsonNode abd = spec.get("additionalBlockDevices");
    if (abd != null && abd.isArray()) {
      for (int k = 0; k < abd.size(); k++) {
        FieldPath vp = p.child("additionalBlockDevices").at(k).child("storage").child("volume");
        JsonNode vol = abd.get(k).path("storage").path("volume");
        if (vol.isObject()) {
          availabilityZone(c, vol, vp, null);
        }
      }
    }
    schedulerHints(c, spec.get("schedulerHintAdditionalProperties"), p.child("schedulerHintAdditionalProperties"));
  }

  private void serverGroup(DocContext c, JsonNode spec, FieldPath sp) {
    JsonNode sg = spec.get("serverGroup");
    if (sg == null || !sg.isObject()) {
      return;
    }
    JsonNode filter = sg.get("filter");
    if (sg.isEmpty()) {
      serverGroupNonEmpty.reportInstead(MIN_MAX_PROPS, c, sp, sg, "{id: <uuid>} or {filter: {name: <name>}}",
          "serverGroup is empty; omit it for no server group, or give an id or a filter");
    } else if (sg.size() > 1) {
      serverGroupNonEmpty.reportInstead(MIN_MAX_PROPS, c, sp, sg, "exactly one of id, filter",
          "serverGroup must have exactly one of id or filter");
    } else if (filter != null && filter.isObject() && (filter.isEmpty() || text(filter, "name").isEmpty())) {
      serverGroupNonEmpty.reportInstead(MIN_MAX_PROPS, c, sp.child("filter"), filter, "{name: <non-empty name>}",
          "serverGroup.filter needs a non-empty name");
    }
  }

  private void schedulerHints(DocContext c, @Nullable JsonNode hints, FieldPath hp) {
    if (hints == null || !hints.isArray()) {
      return;
    }
    for (int k = 0; k < hints.size(); k++) {
      JsonNode v = hints.get(k).get("value");
      if (v == null || !v.isObject()) {
        continue;
      }
      String type = text(v, "type");
      FieldPath vp = hp.at(k).child("value");
      for (String[] pair : new String[][] {{"Bool", "bool"}, {"Number", "number"}, {"String", "string"}}) {
        boolean present = has(v, pair[1]);
        if (type.equals(pair[0]) != present) {
          schedulerHintValue.report(c, vp.child(pair[1]), v.get(pair[1]), present ? "absent unless type is " + pair[0]
                  : "a value, as type is " + pair[0],
              pair[1] + " is required when type is " + pair[0] + ", and forbidden otherwise");
        }
      }
    }
  }

  private void availabilityZone(DocContext c, JsonNode parent, FieldPath parentPath, @Nullable String child) {
    JsonNode holder = child == null ? parent : parent.get(child);
    if (holder == null || !holder.isObject()) {
      return;
    }
    JsonNode az = holder.get("availabilityZone");
    if (az == null || !az.isObject()) {
      return;
    }
    FieldPath ap = parentPath.child("availabilityZone");
    String from = has(az, "from") ? text(az, "from") : "Name";
    boolean name = has(az, "name");
    if (from.equals("Name") && !name) {
      availabilityZoneName.report(c, ap.child("name"), null, "a zone name, as from is Name",
          "name is required when from is 'Name' or default");
    } else if (!from.equals("Name") && name) {
      availabilityZoneName.report(c, ap.child("name"), az.get("name"), "no name when from is " + from,
          "name must not be set when from is '" + from + "'");
    }
  }

  private void clusterSpec(DocContext c, JsonNode doc, FieldPath p) {
    JsonNode spec = object(doc, p);
    if (spec == null) {
      return;
    }
    JsonNode bastion = spec.get("bastion");
    if (bastion != null && bastion.isObject()) {
      boolean enabled = bastion.path("enabled").asBoolean(true);
      if (enabled && !has(bastion, "spec")) {
        bastionSpec.report(c, p.child("bastion").child("spec"), null, "a machine spec, as the bastion is enabled",
            "spec is required if bastion is enabled");
      }
      if (has(bastion, "spec")) {
        machineSpec(c, doc, p.child("bastion").child("spec"));
      }
    }
    if (spec.path("disableExternalNetwork").asBoolean(false)) {
      if (bastion != null && has(bastion, "floatingIP")) {
        bastionFloatingIp.report(c, p.child("bastion").child("floatingIP"), bastion.get("floatingIP"),
            "no floating IP when disableExternalNetwork is true",
            "bastion floating IP cannot be set when disableExternalNetwork is true");
      }
      if (!spec.path("disableAPIServerFloatingIP").asBoolean(false)) {
        apiServerFloatingIp.report(c, p.child("disableAPIServerFloatingIP"), spec.get("disableAPIServerFloatingIP"),
            "true, as disableExternalNetwork is true",
            "disableAPIServerFloatingIP cannot be false when disableExternalNetwork is true");
      }
    }
  }
}
