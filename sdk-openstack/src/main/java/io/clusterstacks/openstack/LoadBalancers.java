package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.openstack.LoadBalancerHealth.ObjectStatus;
import io.clusterstacks.openstack.LoadBalancerHealth.Verdict;
import io.clusterstacks.openstack.internal.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The health of a cluster's API load balancer in Octavia ({@code load-balancer} service).
 *
 * <pre>{@code
 * LoadBalancerHealth h = os.loadBalancers().apiServer("default", "prod");   // by CAPO's name
 * LoadBalancerHealth h = os.loadBalancers().health(lbId);                  // by OpenStackCluster.status's ID
 * if (h.verdict() != LoadBalancerHealth.Verdict.HEALTHY) System.err.println(h.summary());
 * }</pre>
 *
 * <p>Octavia is called over the SDK's own HTTP client (openstack4j's Octavia models drop fields of the
 * status tree); two calls per check. See {@link LoadBalancerHealth} for the provider the verdict rules hold for.
 */
public final class LoadBalancers {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
  private static final String BASE = "/v2/lbaas/loadbalancers";

  private final Session session;

  LoadBalancers(OpenStackClient client) {
    this.session = client.session();
  }

  /**
   * The name Cluster API Provider OpenStack gives a cluster's API load balancer.
   *
   * @param namespace the Cluster's namespace, e.g. {@code default}
   * @param clusterName the Cluster's name
   * @return {@code k8s-clusterapi-cluster-<namespace>-<cluster>-kubeapi}
   */
  public static String capoApiServerName(String namespace, String clusterName) {
    List<Problem> p = new ArrayList<>();
    if (namespace == null || !LABEL.matcher(namespace).matches()) {
      p.add(Problem.of("namespace", String.valueOf(namespace), "give the Cluster's Kubernetes namespace, e.g. default"));
    }
    if (clusterName == null || !LABEL.matcher(clusterName).matches()) {
      p.add(Problem.of("clusterName", String.valueOf(clusterName), "give the Cluster's name, e.g. prod"));
    }
    InvalidInputException.throwIfAny(p);
    return "k8s-clusterapi-cluster-" + namespace + "-" + clusterName + "-kubeapi";
  }

  /**
   * The health of the API load balancer CAPO created for a cluster, found by its name.
   *
   * @param namespace the Cluster's namespace
   * @param clusterName the Cluster's name
   * @return the health; {@link Verdict#NOT_FOUND} when the project has no such load balancer
   */
  public LoadBalancerHealth apiServer(String namespace, String clusterName) {
    String name = capoApiServerName(namespace, clusterName);
    JsonNode list = session.json(Session.Call.get("load-balancer", BASE).query("name", name)).path("loadbalancers");
    if (list.isEmpty()) {
      return new LoadBalancerHealth(Verdict.NOT_FOUND, "", name, "", "", "", List.of(), "the project has no load balancer named "
          + name + ". Kamaji clusters and clusters whose apiServerLoadBalancer is disabled have none (their API is reached "
          + "another way). Otherwise CAPO has not created it yet or it was deleted: look at the OpenStackCluster's status "
          + "and conditions in the management cluster", List.of());
    }
    if (list.size() > 1) {
      List<String> ids = new ArrayList<>();
      list.forEach(l -> ids.add(l.path("id").asText() + " (" + l.path("provisioning_status").asText() + ")"));
      return new LoadBalancerHealth(Verdict.SEVERAL_FOUND, "", name, "", "", "", List.of(list.size() + " load balancers are named "
          + name + ": " + String.join(", ", ids) + "."), "check the one whose ID the OpenStackCluster's "
          + "status.apiServerLoadBalancer.id names with health(id); delete the others once they are no cluster's", List.of());
    }
    JsonNode lb = list.get(0);
    return judge(lb, status(lb.path("id").asText()));
  }

  /**
   * The health of a load balancer by ID (e.g. {@code OpenStackCluster.status.apiServerLoadBalancer.id}).
   *
   * @param loadBalancerId the ID
   * @return the health; {@link Verdict#NOT_FOUND} when there is no such load balancer
   * @throws InvalidInputException when the ID is no UUID
   */
  public LoadBalancerHealth health(String loadBalancerId) {
    InvalidInputException.requireArgument(loadBalancerId, "loadBalancerId");
    if (!ID.matcher(loadBalancerId).matches()) {
      throw new InvalidInputException(List.of(Problem.of("loadBalancerId", loadBalancerId, "pass an Octavia load-balancer ID "
          + "(a UUID), e.g. the OpenStackCluster's status.apiServerLoadBalancer.id; to find it by name use apiServer(namespace, cluster)")));
    }
    JsonNode lb;
    try {
      lb = session.json(Session.Call.get("load-balancer", BASE + "/" + loadBalancerId)).path("loadbalancer");
    } catch (OpenStackApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      return new LoadBalancerHealth(Verdict.NOT_FOUND, loadBalancerId, "", "", "", "", List.of(), "the project has no load "
          + "balancer " + loadBalancerId + " (deleted, or another project's). If the OpenStackCluster's status names it, "
          + "CAPO will notice at its next reconciliation", List.of());
    }
    return judge(lb, status(loadBalancerId));
  }

  private JsonNode status(String id) {
    return session.json(Session.Call.get("load-balancer", BASE + "/" + id + "/status")).path("statuses").path("loadbalancer");
  }

  /**
   * The verdict: pure, from Octavia's load balancer and its status tree.
   *
   * @param lb the load balancer ({@code GET /v2/lbaas/loadbalancers/{id}}'s {@code loadbalancer})
   * @param tree the status tree ({@code GET .../status}'s {@code statuses.loadbalancer})
   * @return the health
   */
  static LoadBalancerHealth judge(JsonNode lb, JsonNode tree) {
    String id = lb.path("id").asText();
    String name = lb.path("name").asText("");
    String provider = lb.path("provider").asText("");
    String prov = tree.path("provisioning_status").asText(lb.path("provisioning_status").asText(""));
    String op = tree.path("operating_status").asText(lb.path("operating_status").asText(""));
    List<ObjectStatus> objects = new ArrayList<>();
    objects.add(new ObjectStatus("loadbalancer", id, name, prov, op));
    List<String> problems = new ArrayList<>();
    List<String> failedParts = new ArrayList<>();
    int members = 0;
    int failingMembers = 0;
    int listeners = 0;
    int failingListeners = 0;
    for (JsonNode l : tree.path("listeners")) {
      listeners++;
      ObjectStatus ls = status("listener", l);
      objects.add(ls);
      if (ls.provisioningStatus().equals("ERROR")) {
        failedParts.add("listener " + label(ls));
      }
      if (ls.operatingStatus().equals("ERROR")) {
        failingListeners++;
        problems.add("Listener " + label(ls) + " is in ERROR: it does not run on the load balancer (the provider reports no "
            + "such listener), so nothing is accepted on its port.");
      } else if (ls.operatingStatus().equals("DEGRADED")) {
        problems.add("Listener " + label(ls) + " is DEGRADED: it is at its connection limit and refuses new connections.");
      }
      for (JsonNode p : l.path("pools")) {
        ObjectStatus ps = status("pool", p);
        objects.add(ps);
        if (ps.provisioningStatus().equals("ERROR")) {
          failedParts.add("pool " + label(ps));
        }
        JsonNode hm = p.path("health_monitor");
        boolean monitored = hm.isObject() && !hm.isEmpty();
        if (monitored) {
          ObjectStatus hs = status("healthmonitor", hm);
          objects.add(hs);
          if (hs.provisioningStatus().equals("ERROR")) {
            failedParts.add("health monitor " + label(hs));
          }
        }
        if (ps.operatingStatus().equals("ERROR")) {
          problems.add("Pool " + label(ps) + " is in ERROR: none of its members answers the health monitor.");
        }
        for (JsonNode m : p.path("members")) {
          members++;
          ObjectStatus ms = status("member", m);
          objects.add(ms);
          String where = label(ms) + (m.hasNonNull("address") ? " (" + m.path("address").asText() + ":" + m.path("protocol_port").asText() + ")" : "");
          if (ms.provisioningStatus().equals("ERROR")) {
            failedParts.add("member " + where);
          }
          switch (ms.operatingStatus()) {
            case "ERROR" -> {
              failingMembers++;
              problems.add("Member " + where + " fails the health monitor: the API server on that node does not answer on "
                  + "that port.");
            }
            case "OFFLINE" -> problems.add("Member " + where + " is OFFLINE: it is disabled or in maintenance and gets no traffic.");
            case "DRAINING" -> problems.add("Member " + where + " is DRAINING: it takes no new connections.");
            case "NO_MONITOR" -> {
              if (!monitored) {
                problems.add("Member " + where + " has no health monitor (NO_MONITOR): Octavia cannot tell whether it answers.");
              }
            }
            default -> { }
          }
        }
      }
    }
    if (prov.equals("ERROR") || !failedParts.isEmpty()) {
      String what = prov.equals("ERROR") ? "the load balancer" : String.join(", ", failedParts);
      return new LoadBalancerHealth(Verdict.PROVISIONING_ERROR, id, name, provider, prov, op, problems, "Octavia failed to build "
          + what + " (provisioning ERROR), so it does not serve as configured and Octavia refuses changes to it. Ask the "
          + "provider to repair it (an admin failover rebuilds it), quoting the ID " + id + "; deleting it (with cascade) is "
          + "the last resort, because CAPO then creates a new load balancer, whose address may differ from the cluster's "
          + "endpoint", objects);
    }
    if (prov.startsWith("PENDING_")) {
      return new LoadBalancerHealth(Verdict.PENDING, id, name, provider, prov, op, problems, "Octavia is still working on it ("
          + prov + "); look again in a minute. It cannot be changed or deleted meanwhile (Octavia answers 409). If it stays "
          + prov + " for many minutes, Octavia's controller is not processing requests: only the provider can fix that, "
          + "quoting the ID " + id, objects);
    }
    if (!lb.path("admin_state_up").asBoolean(true)) {
      return new LoadBalancerHealth(Verdict.DISABLED, id, name, provider, prov, op, problems, "it is switched off "
          + "(admin_state_up=false) and serves nothing: enable it (openstack loadbalancer set --enable " + id + ")", objects);
    }
    if (!prov.equals("ACTIVE")) {
      return new LoadBalancerHealth(Verdict.NOT_FOUND, id, name, provider, prov, op, problems, "it is " + prov
          + " and no longer serves; CAPO creates a new one when it reconciles the OpenStackCluster", objects);
    }
    String mention = provider.equals("amphora") || provider.equals("octavia") || provider.isEmpty() ? ""
        : " (provider " + provider + ": these rules are the amphora provider's and were not tested with it)";
    switch (op) {
      case "ONLINE" -> {
        if (failingListeners > 0 && failingListeners == listeners) {
          return down(id, name, provider, prov, op, problems, objects, mention);
        }
        if (!problems.isEmpty() && (failingListeners > 0 || failingMembers > 0)) {
          return degraded(id, name, provider, prov, op, problems, objects, mention);
        }
        return new LoadBalancerHealth(Verdict.HEALTHY, id, name, provider, prov, op, problems, (problems.isEmpty()
            ? "nothing: every listener and member is ONLINE"
            : "nothing urgent: it serves; the notes above say which members take no (new) traffic") + mention, objects);
      }
      case "DEGRADED", "DRAINING" -> {
        return degraded(id, name, provider, prov, op, problems, objects, mention);
      }
      case "ERROR" -> {
        return down(id, name, provider, prov, op, problems, objects, mention);
      }
      default -> {
        // OFFLINE (or NO_MONITOR) on an ACTIVE, enabled load balancer: with the amphora provider the
        // operating status comes only from the amphora's heartbeats, so this means none has arrived.
        return new LoadBalancerHealth(Verdict.NO_HEALTH_DATA, id, name, provider, prov, op, problems, "no health data: "
            + "Octavia has had no heartbeat from the load balancer's amphora, so its operating status (" + op + ") says "
            + "nothing about whether the API answers; this is not \"down\". Check the API through the load balancer's "
            + "address (e.g. kubectl get --raw /healthz). If it stays so long after creation, the amphora's health "
            + "messages do not reach Octavia's health manager: ask the provider, quoting the ID " + id + mention, objects);
      }
    }
  }

  private static LoadBalancerHealth degraded(String id, String name, String provider, String prov, String op, List<String> problems,
      List<ObjectStatus> objects, String mention) {
    return new LoadBalancerHealth(Verdict.DEGRADED, id, name, provider, prov, op, problems, "the API still answers through the "
        + "other members; repair or replace the control-plane machines named above (delete the Machine so that the control "
        + "plane creates a new one), and check that nothing blocks the health monitor's port on those nodes" + mention, objects);
  }

  private static LoadBalancerHealth down(String id, String name, String provider, String prov, String op, List<String> problems,
      List<ObjectStatus> objects, String mention) {
    return new LoadBalancerHealth(Verdict.DOWN, id, name, provider, prov, op, problems, "the Kubernetes API is unreachable "
        + "through the load balancer: check that the control-plane machines run and that kube-apiserver listens on the "
        + "pool's port, and that the security groups let the load balancer reach the nodes; if the members are fine, ask "
        + "the provider, quoting the ID " + id + mention, objects);
  }

  private static ObjectStatus status(String type, JsonNode n) {
    return new ObjectStatus(type, n.path("id").asText(""), n.path("name").asText(""), n.path("provisioning_status").asText(""),
        n.path("operating_status").asText(""));
  }

  private static String label(ObjectStatus s) {
    return s.name().isEmpty() ? s.id() : s.name();
  }
}
