package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.openstack.ServerGroupException.Reason;
import io.clusterstacks.openstack.internal.Json;
import io.clusterstacks.openstack.internal.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Nova server groups a plan needs, created with the microversion their policy needs, found again
 * by name, and deleted only when they follow the SDK's naming convention.
 *
 * <h2>Naming convention</h2>
 * Nova groups have no tags and names are not unique, so ownership is in the name:
 * {@code <prefix>-<cluster>-<role>[-n]}, i.e. the prefix (default {@value #DEFAULT_PREFIX}), a dash
 * and the plan's group name ({@link ServerGroupRef.ToCreate#name()}: the cluster name, the role name
 * such as {@code control-plane} or a worker deployment's name, and {@code -n} when the member quota
 * split a role into several groups). Example: {@code clusterstacks-prod-control-plane}.
 * {@link #ensure(ClusterPlan)} reuses a group of that name when its policy matches and fails, naming
 * both, when not; deletion touches only groups of the caller's project with exactly such a name.
 *
 * <h2>Microversions</h2>
 * Hard {@code anti-affinity} works from 2.1, {@code soft-anti-affinity} needs 2.15, and
 * {@code max_server_per_host} needs 2.64. Groups are created and listed at 2.64 where the cloud offers
 * it (then {@code policy} and {@code rules} are read back), else at 2.15 or 2.1.
 *
 * <h2>Failures</h2>
 * Problems that can be known up front (conflicting or duplicate names, quota, microversion) are
 * reported before anything is created. When a create fails part way, the groups this call created are
 * deleted again; a create that got no answer is looked up by name and deleted too. What could not be
 * cleaned up is listed in the {@link ServerGroupException}; running {@code ensure} again finds and
 * reuses it, so a second run converges without duplicates.
 */
public final class ServerGroups {
  /** The default name prefix. */
  public static final String DEFAULT_PREFIX = "clusterstacks";

  private static final Logger LOG = LoggerFactory.getLogger(ServerGroups.class);
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final ComputeMicroversion V2_1 = new ComputeMicroversion(2, 1);
  private static final ComputeMicroversion V2_13 = new ComputeMicroversion(2, 13);

  private final OpenStackClient client;
  private final Session session;
  private final String prefix;

  ServerGroups(OpenStackClient client, String prefix) {
    InvalidInputException.requireArgument(prefix, "prefix");
    if (!LABEL.matcher(prefix).matches()) {
      throw new InvalidInputException(List.of(Problem.of("prefix", prefix,
          "use a DNS label: lower-case letters, digits and '-', at most 63 characters, e.g. clusterstacks")));
    }
    this.client = client;
    this.session = client.session();
    this.prefix = prefix;
  }

  /**
   * The prefix of this view's group names.
   *
   * @return e.g. {@code clusterstacks}
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The Nova name of a plan's group.
   *
   * @param planGroupName the plan's name ({@link ServerGroupRef.ToCreate#name()}), e.g. {@code prod-control-plane}
   * @return e.g. {@code clusterstacks-prod-control-plane}
   */
  public String novaName(String planGroupName) {
    return prefix + "-" + planGroupName;
  }

  /**
   * The server groups of the caller's project, with policy and rules as the best microversion shows them.
   *
   * @return the groups, in Nova's order
   */
  public List<ServerGroup> list() {
    ComputeMicroversion mv = listVersion(client.computeMicroversions());
    List<ServerGroup> out = new ArrayList<>();
    int offset = 0;
    while (true) {
      JsonNode page = session.json(Session.Call.get("compute", "/os-server-groups").microversion(mv)
          .query("limit", "1000").query("offset", String.valueOf(offset)));
      JsonNode groups = page.path("server_groups");
      groups.forEach(g -> out.add(parse(g)));
      if (groups.size() < 1000) {
        return out;
      }
      offset += groups.size();
    }
  }

  /**
   * Finds the group of a plan's group name.
   *
   * @param planGroupName the plan's name
   * @return the group, or empty when there is none
   * @throws ServerGroupException ({@link Reason#DUPLICATE_NAMES}) when there are several
   */
  public Optional<ServerGroup> find(String planGroupName) {
    List<ServerGroup> same = named(list(), novaName(planGroupName));
    if (same.size() > 1) {
      throw duplicates(novaName(planGroupName), same);
    }
    return same.stream().findFirst();
  }

  /**
   * Creates the groups a plan needs, or finds them when they exist, and returns their IDs.
   *
   * @param plan the plan ({@link ClusterPlan#serverGroupsToCreate()} says which groups)
   * @return the groups; {@link ServerGroupSet#applyTo(ClusterPlan)} puts their IDs into the plan
   * @throws ServerGroupException when the groups cannot be set up; nothing is left behind unreported
   */
  public ServerGroupSet ensure(ClusterPlan plan) {
    InvalidInputException.requireArgument(plan, "plan");
    List<ServerGroupRef.ToCreate> wanted = plan.serverGroupsToCreate();
    if (wanted.isEmpty()) {
      return new ServerGroupSet(Map.of(), List.of(), List.of());
    }
    MicroversionRange versions = client.computeMicroversions();
    List<String> tooOld = new ArrayList<>();
    for (ServerGroupRef.ToCreate t : wanted) {
      ComputeMicroversion need = required(t);
      if (!versions.supports(need)) {
        tooOld.add(t.name() + " needs compute " + need + " for " + policyText(t));
      }
    }
    if (!tooOld.isEmpty()) {
      throw new ServerGroupException(Reason.CLOUD_TOO_OLD, "this cloud's compute API offers " + versions + ": "
          + String.join("; ", tooOld) + ". Plan with this cloud's discovered profile (its computeMicroversions make the "
          + "planner fall back to plain anti-affinity where the hosts allow it, else no server group)", List.of(), List.of(), null);
    }
    List<ServerGroup> existing = list();
    Map<String, String> ids = new LinkedHashMap<>();
    List<ServerGroup> reused = new ArrayList<>();
    List<ServerGroupRef.ToCreate> toCreate = new ArrayList<>();
    for (ServerGroupRef.ToCreate t : wanted) {
      String name = novaName(t.name());
      List<ServerGroup> same = named(existing, name);
      if (same.size() > 1) {
        throw duplicates(name, same);
      }
      if (same.size() == 1) {
        ServerGroup g = same.get(0);
        if (!matches(g, t)) {
          throw new ServerGroupException(Reason.CONFLICT, "server group " + name + " exists (" + g.id() + ") with policy "
              + g.policyText() + ", the plan wants " + policyText(t) + "; Nova cannot change a group's policy: delete "
              + g.id() + " once it has no members (" + g.members().size() + " now), or use another prefix or cluster name",
              List.of(), List.of(), null);
        }
        ids.put(t.name(), g.id());
        reused.add(g);
      } else {
        toCreate.add(t);
      }
    }
    checkQuota(plan, toCreate);
    List<ServerGroup> created = new ArrayList<>();
    for (ServerGroupRef.ToCreate t : toCreate) {
      try {
        ServerGroup g = create(novaName(t.name()), t, versions);
        created.add(g);
        ids.put(t.name(), g.id());
      } catch (RuntimeException e) {
        throw rollBack(t, created, existing, e);
      }
    }
    LOG.info("server groups for {}: {} created, {} reused", plan.request().clusterName(), created.size(), reused.size());
    return new ServerGroupSet(ids, created, reused);
  }

  /**
   * Deletes the convention groups of a plan (as it was before {@link ServerGroupSet#applyTo(ClusterPlan)}).
   *
   * @param plan the plan whose {@link ClusterPlan#serverGroupsToCreate()} names the groups
   * @return the groups deleted
   */
  public List<ServerGroup> deleteFor(ClusterPlan plan) {
    InvalidInputException.requireArgument(plan, "plan");
    return deleteNamed(plan.serverGroupsToCreate().stream().map(ServerGroupRef.ToCreate::name).toList());
  }

  /**
   * Deletes the convention groups with these plan names in the caller's project; other groups are never
   * touched, even when their names are similar.
   *
   * @param planGroupNames the plan's group names, e.g. {@code prod-control-plane}
   * @return the groups deleted
   * @throws ServerGroupException listing the groups that could not be deleted
   */
  public List<ServerGroup> deleteNamed(Collection<String> planGroupNames) {
    InvalidInputException.requireArgument(planGroupNames, "planGroupNames");
    Set<String> names = new TreeSet<>();
    planGroupNames.forEach(n -> names.add(novaName(n)));
    String project = client.identity().projectId();
    List<ServerGroup> deleted = new ArrayList<>();
    List<ServerGroup> failed = new ArrayList<>();
    RuntimeException last = null;
    for (ServerGroup g : list()) {
      if (!names.contains(g.name()) || (!g.projectId().isEmpty() && !g.projectId().equals(project))) {
        continue;
      }
      try {
        delete(g.id());
        deleted.add(g);
      } catch (RuntimeException e) {
        failed.add(g);
        last = e;
      }
    }
    if (!failed.isEmpty()) {
      throw new ServerGroupException(Reason.FAILED_PART_WAY, "deleted " + deleted + " but not " + failed
          + " (" + last.getMessage() + "); run the deletion again", failed, List.of(), last);
    }
    return deleted;
  }

  private void checkQuota(ClusterPlan plan, List<ServerGroupRef.ToCreate> toCreate) {
    JsonNode a = session.json(Session.Call.get("compute", "/limits")).path("limits").path("absolute");
    long max = a.path("maxServerGroups").asLong(-1);
    long used = a.path("totalServerGroupsUsed").asLong(0);
    List<String> problems = new ArrayList<>();
    if (!toCreate.isEmpty() && max >= 0 && used + toCreate.size() > max) {
      problems.add("the plan needs " + toCreate.size() + " new server groups, the project has " + (max - used)
          + " left (" + used + " of " + max + " used)");
    }
    long members = a.path("maxServerGroupMembers").asLong(-1);
    if (members >= 0) {
      for (RolePlan r : plan.roles()) {
        for (RolePlan.Deployment d : r.deployments()) {
          int size = d.replicas() + r.placement().maxSurge();
          if (d.serverGroup().isPresent() && d.serverGroup().get() instanceof ServerGroupRef.ToCreate t && size > members) {
            problems.add(t.name() + " would hold " + size + " members during a rollout (" + d.replicas() + " + surge "
                + r.placement().maxSurge() + "), the quota allows " + members + " per group");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ServerGroupException(Reason.QUOTA, "quota: " + String.join("; ", problems)
          + "; nothing was created. Free server groups, ask the provider for more, or plan with this cloud's "
          + "discovered profile so the planner splits groups", List.of(), List.of(), null);
    }
  }

  private ServerGroup create(String name, ServerGroupRef.ToCreate t, MicroversionRange versions) {
    ComputeMicroversion mv = versions.supports(ComputeMicroversion.MAX_SERVER_PER_HOST) ? ComputeMicroversion.MAX_SERVER_PER_HOST
        : required(t);
    ObjectNode body = Json.object();
    ObjectNode g = body.putObject("server_group");
    g.put("name", name);
    if (mv.atLeast(ComputeMicroversion.MAX_SERVER_PER_HOST)) {
      g.put("policy", t.policy().novaName());
      t.maxServerPerHost().ifPresent(k -> g.putObject("rules").put("max_server_per_host", k));
    } else {
      g.putArray("policies").add(t.policy().novaName());
    }
    JsonNode r = session.json(Session.Call.of("compute", "POST", "/os-server-groups").microversion(mv).body(body));
    ServerGroup created = parse(r.path("server_group"));
    LOG.debug("created server group {} {} ({})", created.name(), created.id(), created.policyText());
    return created;
  }

  private ServerGroupException rollBack(ServerGroupRef.ToCreate failed, List<ServerGroup> created, List<ServerGroup> before,
      RuntimeException cause) {
    boolean unknown = (cause instanceof OpenStackConnectionException c && c.outcomeUnknown())
        || (cause instanceof OpenStackApiException a && a.status() >= 500);
    List<ServerGroup> toDelete = new ArrayList<>(created);
    List<String> mayExist = new ArrayList<>();
    if (unknown) {
      // The create may have happened although no (good) answer came: look for it by name.
      try {
        Set<String> known = new TreeSet<>();
        before.forEach(g -> known.add(g.id()));
        for (ServerGroup g : named(list(), novaName(failed.name()))) {
          if (!known.contains(g.id())) {
            toDelete.add(g);
          }
        }
      } catch (RuntimeException e) {
        mayExist.add(novaName(failed.name()));
      }
    }
    List<ServerGroup> leftOver = new ArrayList<>();
    List<ServerGroup> removed = new ArrayList<>();
    for (ServerGroup g : toDelete) {
      try {
        delete(g.id());
        removed.add(g);
      } catch (RuntimeException e) {
        leftOver.add(g);
      }
    }
    StringBuilder m = new StringBuilder("creating server group " + novaName(failed.name()) + " failed: " + cause.getMessage());
    m.append(removed.isEmpty() ? "; no group of this call remains" : "; deleted again: " + removed);
    if (!leftOver.isEmpty()) {
      m.append("; STILL EXIST (deletion failed): ").append(leftOver);
    }
    if (!mayExist.isEmpty()) {
      m.append("; MAY EXIST (no answer, could not look): ").append(mayExist);
    }
    m.append(leftOver.isEmpty() && mayExist.isEmpty() ? ". Retry ensure()"
        : ". Run ensure() again when the cloud answers: it finds and reuses these groups by name (or deleteFor(plan) removes them)");
    LOG.warn("{}", m);
    return new ServerGroupException(Reason.FAILED_PART_WAY, m.toString(), leftOver, mayExist, cause);
  }

  private void delete(String id) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        // The SDK's own call, not openstack4j's: openstack4j's connector cannot take a custom CA on Java 9+.
        Session.Call c = Session.Call.of("compute", "DELETE", "/os-server-groups/" + id);
        io.clusterstacks.openstack.internal.Transport.Reply r = session.send(c);
        if (r.status() >= 400 && r.status() != 404) {
          throw session.error(c, r);
        }
        return;
      } catch (OpenStackApiException e) {
        if (e.status() < 500) {
          throw e;
        }
        last = e;
      } catch (OpenStackConnectionException e) {
        last = e;
      }
    }
    throw last;
  }

  private static List<ServerGroup> named(List<ServerGroup> groups, String name) {
    return groups.stream().filter(g -> g.name().equals(name)).toList();
  }

  private static ServerGroupException duplicates(String name, List<ServerGroup> same) {
    return new ServerGroupException(Reason.DUPLICATE_NAMES, "there are " + same.size() + " server groups named " + name
        + ": " + same + "; keep one (the one with the cluster's members) and delete the others, then run again",
        List.of(), List.of(), null);
  }

  private static boolean matches(ServerGroup g, ServerGroupRef.ToCreate t) {
    return g.policy().equals(t.policy().novaName())
        && (g.maxServerPerHost().isPresent() ? g.maxServerPerHost().getAsInt() : 1)
            == (t.maxServerPerHost().isPresent() ? t.maxServerPerHost().getAsInt() : 1);
  }

  private static ComputeMicroversion required(ServerGroupRef.ToCreate t) {
    if (t.maxServerPerHost().isPresent()) {
      return ComputeMicroversion.MAX_SERVER_PER_HOST;
    }
    return t.policy() == ServerGroupPolicy.SOFT_ANTI_AFFINITY || t.policy() == ServerGroupPolicy.SOFT_AFFINITY
        ? ComputeMicroversion.SOFT_POLICIES : V2_1;
  }

  private static String policyText(ServerGroupRef.ToCreate t) {
    return t.policy().novaName() + (t.maxServerPerHost().isPresent() ? " (max_server_per_host=" + t.maxServerPerHost().getAsInt() + ")" : "");
  }

  private static ComputeMicroversion listVersion(MicroversionRange r) {
    if (r.supports(ComputeMicroversion.MAX_SERVER_PER_HOST)) {
      return ComputeMicroversion.MAX_SERVER_PER_HOST;
    }
    if (r.supports(V2_13)) {
      return V2_13;
    }
    return V2_1;
  }

  static ServerGroup parse(JsonNode g) {
    String policy = g.hasNonNull("policy") ? g.path("policy").asText()
        : g.path("policies").size() > 0 ? g.path("policies").get(0).asText() : "";
    JsonNode k = g.path("rules").path("max_server_per_host");
    List<String> members = new ArrayList<>();
    g.path("members").forEach(m -> members.add(m.asText()));
    return new ServerGroup(g.path("id").asText(), g.path("name").asText(), policy,
        k.isNumber() || k.isTextual() ? OptionalInt.of(k.asInt()) : OptionalInt.empty(), members,
        g.path("project_id").asText(""));
  }
}
