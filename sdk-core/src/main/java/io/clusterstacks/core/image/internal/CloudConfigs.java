package io.clusterstacks.core.image.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;

/** Renders cloud-config additions as the cloud-init document CAPI would generate from them. */
public final class CloudConfigs {
  private CloudConfigs() {}

  /**
   * Renders {@code write_files} and {@code runcmd}.
   *
   * @param additions the additions (cloud-config format)
   * @return the {@code #cloud-config} document
   */
  public static String render(BootstrapAdditions additions) {
    ObjectNode root = Yamls.object();
    ArrayNode files = root.putArray("write_files");
    for (BootstrapFile f : additions.files()) {
      ObjectNode n = files.addObject();
      n.put("path", f.path());
      f.owner().ifPresent(o -> n.put("owner", o));
      f.permissions().ifPresent(p -> n.put("permissions", p));
      f.content().ifPresent(c -> n.put("content", c));
    }
    ArrayNode run = root.putArray("runcmd");
    additions.preKubeadmCommands().forEach(run::add);
    return "#cloud-config\n" + Yamls.write(root);
  }
}
