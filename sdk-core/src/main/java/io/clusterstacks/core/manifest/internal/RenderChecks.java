package io.clusterstacks.core.manifest.internal;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a spec must satisfy before anything is rendered, checked across roles: server groups that can be
 * referenced in the chosen mode, and ORC objects that two roles do not define differently under one name.
 */
final class RenderChecks {
  private RenderChecks() {}

  /**
   * Every server group can be referenced: resolved, or (raw mode) created by ORC.
   *
   * @throws UnresolvedServerGroupException naming every role whose group cannot be referenced
   */
  static void serverGroupsReferable(RenderContext ctx) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, MachineInputs> e : ctx.roleInputs().entrySet()) {
      Optional<ServerGroupRef> sg = e.getValue().serverGroup();
      if (sg.isEmpty()) {
        continue;
      }
      if (sg.get() instanceof ServerGroupRef.Unresolved u) {
        problems.add(e.getKey() + ".serverGroup is unresolved (" + u.why() + "): resolve it to ServerGroupRef.known(id) "
            + "for an existing group, or ServerGroupRef.toCreate(name, policy)"
            + (ctx.s.mode() == OutputMode.RAW_CAPI ? " (raw mode then renders an ORC ServerGroup)" : "")
            + ", or leave the server group out");
      } else if (sg.get() instanceof ServerGroupRef.ToCreate c && ctx.s.mode() == OutputMode.TOPOLOGY) {
        problems.add(e.getKey() + ".serverGroup '" + c.name() + "' (" + c.policy().novaName() + ") does not exist yet, and "
            + "the ClusterClass variable takes its ID: create it first (sdk-openstack, or `openstack "
            + (c.maxServerPerHost().isPresent() ? "--os-compute-api-version 2.64 " : "") + "server group create --policy "
            + c.policy().novaName() + (c.maxServerPerHost().isPresent() ? " --rule max_server_per_host="
                + c.maxServerPerHost().getAsInt() : "") + " " + c.name() + "`) and pass ServerGroupRef.known(id), or use "
            + "OutputMode.RAW_CAPI, which renders an ORC ServerGroup referenced by name");
      }
    }
    if (!problems.isEmpty()) {
      throw new UnresolvedServerGroupException("cannot render cluster " + ctx.s.name() + " in " + ctx.s.mode() + " mode: "
          + String.join("; ", problems));
    }
  }

  /**
   * The ORC Images the roles ask ORC to create, one per name.
   *
   * @return the images by name, sorted
   * @throws InvalidInputException when two roles define different images under one name
   */
  static Map<String, OrcImage> orcImages(RenderContext ctx) {
    Map<String, OrcImage> images = new TreeMap<>();
    List<Problem> p = new ArrayList<>();
    for (Map.Entry<String, MachineInputs> e : ctx.roleInputs().entrySet()) {
      Optional<ImageRef> img = e.getValue().image();
      if (img.isPresent() && img.get() instanceof ImageRef.OrcCreate c) {
        OrcImage prev = images.putIfAbsent(c.image().name(), c.image());
        if (prev != null && !prev.equals(c.image())) {
          p.add(Problem.of(e.getKey() + ".image", c.image().name(), "another role defines a different ORC Image "
              + "with the same name; give each image its own name"));
        }
      }
    }
    InvalidInputException.throwIfAny(p);
    return images;
  }

  /**
   * The server groups raw mode asks ORC to create, one per name.
   *
   * @return the groups by name, sorted
   * @throws InvalidInputException for a name that is no DNS-1123 subdomain, or two policies under one name
   */
  static Map<String, ServerGroupRef.ToCreate> orcServerGroups(RenderContext ctx) {
    Map<String, ServerGroupRef.ToCreate> groups = new TreeMap<>();
    List<Problem> p = new ArrayList<>();
    for (Map.Entry<String, MachineInputs> e : ctx.roleInputs().entrySet()) {
      if (e.getValue().serverGroup().isPresent() && e.getValue().serverGroup().get() instanceof ServerGroupRef.ToCreate c) {
        if (!Names.isDns1123Subdomain(c.name())) {
          p.add(Problem.of(e.getKey() + ".serverGroup.name", c.name(), "the ORC ServerGroup object needs a DNS-1123 "
              + "name: lower case, digits, '-' and '.'"));
        }
        ServerGroupRef.ToCreate prev = groups.putIfAbsent(c.name(), c);
        if (prev != null && !prev.equals(c)) {
          p.add(Problem.of(e.getKey() + ".serverGroup", c.name(), "another role uses a group of that name with a "
              + "different policy; give each group its own name"));
        }
      }
    }
    InvalidInputException.throwIfAny(p);
    return groups;
  }
}
