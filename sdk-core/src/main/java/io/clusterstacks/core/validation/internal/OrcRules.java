package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.ORC;
import static io.clusterstacks.core.validation.internal.RuleNodes.has;
import static io.clusterstacks.core.validation.internal.RuleNodes.text;

import com.fasterxml.jackson.databind.JsonNode;

/** ORC's CEL rules on Image and ServerGroup: the management policy and what each kind needs. */
final class OrcRules extends RuleFamily {

  private final Rule managedNeedsResource = rule("orc.managementPolicy.managedNeedsResource");
  private final Rule managedForbidsImport = rule("orc.managementPolicy.managedForbidsImport");
  private final Rule unmanagedForbidsResource = rule("orc.managementPolicy.unmanagedForbidsResource");
  private final Rule unmanagedNeedsImport = rule("orc.managementPolicy.unmanagedNeedsImport");
  private final Rule managedOptions = rule("orc.managementPolicy.managedOptions");
  private final Rule imageContent = rule("orc.image.content");
  private final Rule maxServerPerHost = rule("orc.serverGroup.maxServerPerHost");

  OrcRules() {
    on(ORC, "Image", (i, b) -> orc(i, true));
    on(ORC, "ServerGroup", (i, b) -> orc(i, false));
  }

  private void orc(ValidationEngine.Item i, boolean image) {
    JsonNode spec = i.doc.get("spec");
    if (spec == null || !spec.isObject()) {
      return;
    }
    DocContext c = i.ctx;
    FieldPath p = FieldPath.ROOT.child("spec");
    String policy = text(spec, "managementPolicy");
    boolean resource = has(spec, "resource");
    boolean imp = has(spec, "import");
    if (policy.equals("managed")) {
      if (!resource) {
        managedNeedsResource.report(c, p.child("resource"), null, "a resource, as managementPolicy is managed",
            "resource must be specified when policy is managed");
      }
      if (imp) {
        managedForbidsImport.report(c, p.child("import"), spec.get("import"), "no import when managementPolicy is "
            + "managed", "import may not be specified when policy is managed");
      }
    } else if (policy.equals("unmanaged")) {
      if (resource) {
        unmanagedForbidsResource.report(c, p.child("resource"), spec.get("resource"),
            "no resource when managementPolicy is unmanaged",
            "resource may not be specified when policy is unmanaged");
      }
      if (!imp) {
        unmanagedNeedsImport.report(c, p.child("import"), null, "an import, as managementPolicy is unmanaged",
            "import must be specified when policy is unmanaged");
      }
    }
    if (has(spec, "managedOptions") && !policy.equals("managed")) {
      managedOptions.report(c, p.child("managedOptions"), spec.get("managedOptions"),
          "only with managementPolicy managed", "managedOptions may only be provided when policy is managed");
    }
    if (image && !imp && resource && !has(spec.get("resource"), "content")) {
      imageContent.report(c, p.child("resource").child("content"), null,
          "the image content (download URL, disk format)", "resource content must be specified when not importing");
    }
    if (!image && resource) {
      JsonNode res = spec.get("resource");
      JsonNode max = res.path("rules").path("maxServerPerHost");
      if (max.isNumber() && max.asLong() > 0 && !text(res, "policy").equals("anti-affinity")) {
        maxServerPerHost.report(c, p.child("resource").child("rules").child("maxServerPerHost"), max,
            "only with policy anti-affinity (policy is " + text(res, "policy") + ")",
            "maxServerPerHost can only be used with the anti-affinity policy");
      }
    }
  }
}
