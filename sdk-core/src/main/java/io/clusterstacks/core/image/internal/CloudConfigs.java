package io.clusterstacks.core.image.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.image.BootstrapAdditions;
import io.clusterstacks.core.image.BootstrapFile;

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
      n.put("owner", f.owner());
      n.put("permissions", f.permissions());
      n.put("content", f.content());
    }
    ArrayNode run = root.putArray("runcmd");
    additions.preKubeadmCommands().forEach(run::add);
    return "#cloud-config\n" + Yamls.write(root);
  }
}
