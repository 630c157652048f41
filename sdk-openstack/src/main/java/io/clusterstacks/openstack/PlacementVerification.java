package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.openstack.PlacementReport.Finding;
import io.clusterstacks.openstack.PlacementReport.Finding.Kind;
import io.clusterstacks.openstack.PlacementReport.Group;
import io.clusterstacks.openstack.PlacementReport.Member;
import io.clusterstacks.openstack.internal.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks after boot that Nova placed a plan's server-group members as the plan says.
 *
 * <pre>{@code
 * ServerGroupSet groups = os.serverGroups().ensure(plan);
 * // ... the cluster's machines are created ...
 * PlacementReport report = os.placement().verify(plan, groups);
 * if (!report.ok()) System.err.println(report.summary());
 * }</pre>
 *
 * <p>It reads the project's server groups and its servers in one list call each (plus paging, and one
 * call per member in ERROR whose fault the list leaves out), so the cost does not grow with the number of
 * healthy members, and needs no admin rights: hosts are compared by
 * {@code hostId}.
 */
public final class PlacementVerification {
  private final OpenStackClient client;

  PlacementVerification(OpenStackClient client) {
    this.client = client;
  }

  /**
   * Verifies a plan whose groups were created by {@link ServerGroups#ensure(ClusterPlan)}.
   *
   * @param plan the plan as it was before {@link ServerGroupSet#applyTo(ClusterPlan)} (or after it)
   * @param groups the groups {@code ensure} returned
   * @return the report
   */
  public PlacementReport verify(ClusterPlan plan, ServerGroupSet groups) {
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(groups, "groups");
    return verify(planned(plan, groups.idsByPlanName()));
  }

  /**
   * Verifies a plan whose server groups are referred to by ID ({@link ClusterPlan#withServerGroupIds}).
   *
   * @param plan the plan
   * @return the report; groups still to be created are reported as {@link Kind#GROUP_NOT_CREATED}
   */
  public PlacementReport verify(ClusterPlan plan) {
    InvalidInputException.requireArgument(plan, "plan");
    return verify(planned(plan, Map.of()));
  }

  private PlacementReport verify(List<Planned> planned) {
    Map<String, ServerGroup> groups = new HashMap<>();
    if (planned.stream().anyMatch(p -> p.groupId() != null)) {
      new ServerGroups(client, ServerGroups.DEFAULT_PREFIX).list().forEach(g -> groups.put(g.id(), g));
    }
    Map<String, JsonNode> servers = new HashMap<>();
    if (!groups.isEmpty()) {
      ServerList.detailed(client.session()).forEach(s -> servers.put(s.path("id").asText(), s));
    }
    // The list leaves out the fault of a server that Nova buried in cell0 (NoValidHost, seen on Zed); one
    // GET per such member in ERROR brings it.
    for (Planned p : planned) {
      ServerGroup g = p.groupId() == null ? null : groups.get(p.groupId());
      for (String id : g == null ? List.<String>of() : g.members()) {
        JsonNode s = servers.get(id);
        if (s != null && s.path("status").asText().equals("ERROR") && s.path("fault").path("message").asText("").isEmpty()) {
          servers.put(id, client.session().json(Session.Call.get("compute", "/servers/" + id)).path("server"));
        }
      }
    }
    return check(planned, groups, servers);
  }

  /**
   * A planned group: the deployment, the group ID (null when the plan has none), the policy, the
   * replicas and the hypervisors the plan was made for.
   */
  record Planned(String deployment, @Nullable String groupId, PlacementPolicy policy, int replicas, int hypervisors) {}

  static List<Planned> planned(ClusterPlan plan, Map<String, String> idsByPlanName) {
    int hypervisors = plan.cloud().hypervisors().total().count();
    List<Planned> out = new ArrayList<>();
    for (RolePlan r : plan.roles()) {
      for (RolePlan.Deployment d : r.deployments()) {
        if (d.serverGroup().isEmpty()) {
          continue;
        }
        ServerGroupRef ref = d.serverGroup().get();
        if (ref instanceof ServerGroupRef.ToCreate t) {
          out.add(new Planned(d.name(), idsByPlanName.get(t.name()), policyOf(t), d.replicas(), hypervisors));
        } else if (ref instanceof ServerGroupRef.Known k) {
          out.add(new Planned(d.name(), k.id(), r.placement().policy(), d.replicas(), hypervisors));
        } else {
          out.add(new Planned(d.name(), null, r.placement().policy(), d.replicas(), hypervisors));
        }
      }
    }
    return out;
  }

  private static PlacementPolicy policyOf(ServerGroupRef.ToCreate t) {
    if (t.maxServerPerHost().isPresent()) {
      return PlacementPolicy.maxPerHost(t.maxServerPerHost().getAsInt());
    }
    return t.policy() == ServerGroupPolicy.ANTI_AFFINITY ? PlacementPolicy.antiAffinity()
        : t.policy() == ServerGroupPolicy.SOFT_ANTI_AFFINITY ? PlacementPolicy.softAntiAffinity() : PlacementPolicy.none();
  }

  /**
   * The verdict: pure, from what Nova said.
   *
   * @param planned the planned groups
   * @param groups the project's groups by ID
   * @param servers the project's servers by ID ({@code /servers/detail} entries)
   * @return the report
   */
  static PlacementReport check(List<Planned> planned, Map<String, ServerGroup> groups, Map<String, JsonNode> servers) {
    List<Group> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Planned p : planned) {
      String policy = p.policy().toString();
      if (p.groupId() == null) {
        out.add(new Group(p.deployment(), "", "", policy, p.replicas(), allowed(p.policy(), p.replicas(), p.hypervisors()), List.of()));
        findings.add(new Finding(Kind.GROUP_NOT_CREATED, p.deployment(), List.of(), "the plan's server group for "
            + p.deployment() + " has no ID: it was never created, so there is nothing to verify.",
            "create the groups with ServerGroups.ensure(plan) and pass the returned ServerGroupSet"));
        continue;
      }
      ServerGroup g = groups.get(p.groupId());
      if (g == null) {
        out.add(new Group(p.deployment(), p.groupId(), "", policy, p.replicas(), allowed(p.policy(), p.replicas(), p.hypervisors()),
            List.of()));
        findings.add(new Finding(Kind.GROUP_NOT_FOUND, p.deployment(), List.of(), "server group " + p.groupId()
            + " is not in this project (deleted, or the ID belongs to another project); machines that name it cannot be created.",
            "run ServerGroups.ensure(plan) again and render the plan with the new IDs"));
        continue;
      }
      List<Member> members = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      for (String id : g.members()) {
        JsonNode s = servers.get(id);
        if (s == null) {
          gone.add(id);
          members.add(new Member(id, "", "NOT_FOUND", "", ""));
          continue;
        }
        String status = s.path("status").asText("");
        members.add(new Member(id, s.path("name").asText(""), status, s.path("hostId").asText(""),
            status.equals("ERROR") ? s.path("fault").path("message").asText("") : ""));
      }
      int placed = (int) members.stream().filter(m -> !m.hostId().isEmpty()).count();
      int allowed = allowed(p.policy(), placed, p.hypervisors());
      Group group = new Group(p.deployment(), g.id(), g.name(), policy, p.replicas(), allowed, members);
      out.add(group);
      sharedHosts(p, group, findings);
      for (Member m : members) {
        if (m.status().equals("ERROR")) {
          findings.add(error(p, g, m));
        }
      }
      int present = members.size() - gone.size();
      if (present < p.replicas() || !gone.isEmpty()) {
        findings.add(new Finding(Kind.MISSING_MEMBERS, p.deployment(), gone, "the plan has " + p.replicas() + " members in "
            + g.name() + ", Nova has " + present + (gone.isEmpty() ? "" : " (the group still lists " + gone
            + ", which the project no longer has)") + ".",
            "if a rollout or the first creation is still running, check again when it is done (CAPI creates machines one "
                + "after another); if it stays so, look at the Machines' conditions for the failed creations"));
      }
    }
    return new PlacementReport(out, findings);
  }

  private static void sharedHosts(Planned p, Group group, List<Finding> findings) {
    Map<String, List<String>> byHost = new LinkedHashMap<>();
    for (Member m : group.members()) {
      if (!m.hostId().isEmpty()) {
        byHost.computeIfAbsent(m.hostId(), h -> new ArrayList<>()).add(m.serverId());
      }
    }
    for (Map.Entry<String, List<String>> e : byHost.entrySet()) {
      List<String> ids = e.getValue();
      if (ids.size() <= group.allowedPerHost()) {
        continue;
      }
      String names = group.members().stream().filter(m -> ids.contains(m.serverId())).map(m -> m.name().isEmpty() ? m.serverId() : m.name())
          .collect(Collectors.joining(", "));
      String fix = p.policy().isHard()
          ? "Nova enforces hard anti-affinity, so the group in Nova does not have the planned policy (it is "
              + group.groupName() + "'s own): delete the group's members and the group, and create it again with ServerGroups.ensure(plan)"
          : "soft-anti-affinity is a preference, not a rule: Nova put them together because no other host had room or the cloud "
              + "has fewer usable hypervisors than the plan assumed (" + p.hypervisors() + "). Delete the newest of these servers "
              + "(its Machine) once other hosts have room so that Nova places the replacement again, or plan with the cloud's "
              + "current profile so the planner can pick a hard policy";
      findings.add(new Finding(Kind.SHARED_HOST, p.deployment(), ids, ids.size() + " members of " + group.groupName() + " (" + names
          + ") share one host (hostId " + shortHost(e.getKey()) + "), the plan allows " + group.allowedPerHost()
          + " per host with " + group.policy() + ": that host's failure or maintenance takes " + ids.size() + " of "
          + group.members().size() + " members down at once.", fix));
    }
  }

  private static Finding error(Planned p, ServerGroup g, Member m) {
    String fault = m.fault().isEmpty() ? "(Nova gave no fault message)" : m.fault();
    boolean noHost = m.fault().toLowerCase(Locale.ROOT).contains("no valid host");
    String fix = noHost && p.policy().isHard()
        ? "Nova found no host that the group's " + p.policy() + " allows: the cloud has fewer free hypervisors than members. "
            + "Delete the server in ERROR (its Machine) and either free or add hosts, or plan with the cloud's discovered "
            + "profile so the planner picks a policy these hosts can hold (max_server_per_host or soft-anti-affinity)"
        : noHost
            ? "no host had room for the flavor: free resources or ask the provider for capacity, then delete the server in "
                + "ERROR so that it is created again"
            : "delete the server in ERROR (its Machine) so that it is created again; if it fails again, quote the fault and "
                + "the server ID to the provider";
    return new Finding(Kind.MEMBER_ERROR, p.deployment(), List.of(m.serverId()), "member " + (m.name().isEmpty() ? m.serverId()
        : m.name() + " (" + m.serverId() + ")") + " of " + g.name() + " is in ERROR: " + fault, fix);
  }

  /**
   * The most members the plan allows on one host.
   *
   * @param policy the planned policy
   * @param members the members placed
   * @param hypervisors the hypervisors the plan was made for (0 when unknown)
   * @return the limit
   */
  static int allowed(PlacementPolicy policy, int members, int hypervisors) {
    return switch (policy.kind()) {
      case ANTI_AFFINITY -> 1;
      case ANTI_AFFINITY_MAX_PER_HOST -> policy.maxServerPerHost().getAsInt();
      case SOFT_ANTI_AFFINITY -> hypervisors <= 0 ? Math.max(1, members) : Math.max(1, (members + hypervisors - 1) / hypervisors);
      case NONE -> Math.max(1, members);
    };
  }

  private static String shortHost(String hostId) {
    return hostId.length() > 12 ? hostId.substring(0, 12) + "…" : hostId;
  }
}
