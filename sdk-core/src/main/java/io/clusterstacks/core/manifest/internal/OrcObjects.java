package io.clusterstacks.core.manifest.internal;

import static io.clusterstacks.core.manifest.internal.RenderContext.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.ServerGroupRef;
import java.util.Optional;

/** ORC's objects: the Images and server groups ORC creates in OpenStack. */
public final class OrcObjects {
  private OrcObjects() {}

  /**
   * Renders an ORC Image.
   *
   * @param img the image
   * @param namespace the namespace
   * @param secretName the credentials Secret
   * @param cloudName the cloud name in clouds.yaml
   * @return the tree
   */
  public static ObjectNode orcImage(OrcImage img, Optional<String> namespace, String secretName, String cloudName) {
    ObjectNode d = RenderContext.header(ApiVersions.ORC, "Image", img.name(), namespace);
    ObjectNode spec = d.putObject("spec");
    ObjectNode cred = spec.putObject("cloudCredentialsRef");
    cred.put("cloudName", img.cloudName().orElse(cloudName));
    cred.put("secretName", img.secretName().orElse(secretName));
    spec.put("managementPolicy", "managed");
    ObjectNode res = spec.putObject("resource");
    img.glanceName().ifPresent(n -> res.put("name", n));
    img.visibility().ifPresent(v -> res.put("visibility", v));
    ObjectNode props = obj();
    ObjectNode hw = obj();
    img.diskBus().ifPresent(v -> hw.put("diskBus", v));
    img.scsiModel().ifPresent(v -> hw.put("scsiModel", v));
    img.vifModel().ifPresent(v -> hw.put("vifModel", v));
    img.qemuGuestAgent().ifPresent(v -> hw.put("qemuGuestAgent", v));
    img.rngModel().ifPresent(v -> hw.put("rngModel", v));
    if (!hw.isEmpty()) {
      props.set("hardware", hw);
    }
    img.architecture().ifPresent(v -> props.put("architecture", v));
    if (img.minDiskGB().isPresent()) {
      props.put("minDiskGB", img.minDiskGB().getAsInt());
    }
    if (img.minMemoryMB().isPresent()) {
      props.put("minMemoryMB", img.minMemoryMB().getAsInt());
    }
    if (img.osDistro().isPresent() || img.osVersion().isPresent()) {
      ObjectNode os = props.putObject("operatingSystem");
      img.osDistro().ifPresent(v -> os.put("distro", v));
      img.osVersion().ifPresent(v -> os.put("version", v));
    }
    if (!props.isEmpty()) {
      res.set("properties", props);
    }
    ObjectNode content = res.putObject("content");
    content.put("diskFormat", img.diskFormat());
    ObjectNode dl = content.putObject("download");
    dl.put("url", img.url());
    ObjectNode hash = dl.putObject("hash");
    hash.put("algorithm", img.checksumAlgorithm());
    hash.put("value", img.checksum());
    return d;
  }

  /** Renders an ORC ServerGroup in the cluster's namespace, with the cluster's credentials. */
  static ObjectNode serverGroup(RenderContext ctx, ServerGroupRef.ToCreate g) {
    ObjectNode d = ctx.header(ApiVersions.ORC, "ServerGroup", g.name());
    ObjectNode spec = d.putObject("spec");
    ObjectNode cred = spec.putObject("cloudCredentialsRef");
    cred.put("cloudName", ctx.cloudName());
    cred.put("secretName", ctx.secretName());
    spec.put("managementPolicy", "managed");
    ObjectNode res = spec.putObject("resource");
    res.put("name", g.name());
    res.put("policy", g.policy().novaName());
    if (g.maxServerPerHost().isPresent()) {
      res.putObject("rules").put("maxServerPerHost", g.maxServerPerHost().getAsInt());
    }
    return d;
  }
}
