package io.clusterstacks.lifecycle.respond;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.lifecycle.respond.ResponsePlan.Step;
import io.clusterstacks.lifecycle.respond.ResponsePlan.StepKind;
import io.clusterstacks.lifecycle.respond.ResponseReport.Outcome;
import io.clusterstacks.lifecycle.respond.ResponseReport.StepResult;
import io.clusterstacks.openstack.Maintenance;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.ServerDetails;
import io.clusterstacks.openstack.ServerGroup;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link ResponsePlan}: cordons and drains workload nodes through the Eviction API (which respects
 * PodDisruptionBudgets), deletes the Machine on the management cluster so that Cluster API replaces it, watches
 * Nova for the replacement server in the group and checks that it runs on another hypervisor, sets the restart
 * opt-in on held servers and uncordons nodes after the maintenance. In a {@link #dryRun(boolean) dry run} it only
 * reports what it would do.
 *
 * <pre>{@code
 * MaintenanceResponder responder = MaintenanceResponder.of(openStack, management);
 * ResponseReport r = responder.respond(seen, plan, e -> System.out.println(e));
 * previous = Optional.of(r.state());
 * }</pre>
 *
 * <p>The steps run in the plan's order. A step that fails skips the later steps of the same server, and a failed
 * Machine deletion or replacement skips every later Machine deletion of the pass (the plan's quorum reasoning
 * assumes each replacement is there before the next deletion). A Machine owned by a {@code KubeadmControlPlane}
 * is deleted like a worker's: KCP removes its etcd member and scales back to its replicas; a rollout
 * ({@code spec.rolloutAfter}) would surge first, but it picks the oldest Machine, not the announced one.
 *
 * <p>What the Nova scheduler does is not in the responder's hand: a replacement created after the old server is
 * gone (KCP waits for the deletion) may land on the announced hypervisor again when the group's policy allows it.
 * The AWAIT_REPLACEMENT step then fails and says so.
 *
 * <p>It needs, on the workload cluster: get/list/patch on nodes, list on pods and create on
 * {@code pods/eviction}; on the management cluster: list and delete on {@code machines}.
 */
public final class MaintenanceResponder {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceResponder.class);
  private static final String MACHINE_API = "cluster.x-k8s.io/v1beta1";
  private static final String CLUSTER_LABEL = "cluster.x-k8s.io/cluster-name";
  private static final String MIRROR = "kubernetes.io/config.mirror";

  private final OpenStackClient openStack;
  private final ManagementCluster management;
  private final boolean dryRun;
  private final Duration drainTimeout;
  private final Duration replacementTimeout;
  private final Duration pollInterval;
  private final Clock clock;

  private MaintenanceResponder(OpenStackClient openStack, ManagementCluster management, boolean dryRun, Duration drainTimeout,
      Duration replacementTimeout, Duration pollInterval, Clock clock) {
    this.openStack = openStack;
    this.management = management;
    this.dryRun = dryRun;
    this.drainTimeout = drainTimeout;
    this.replacementTimeout = replacementTimeout;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /**
   * A responder that acts, with a drain timeout of 10 minutes, a replacement timeout of 30 minutes and a poll
   * interval of 5 seconds.
   *
   * @param openStack the cloud the cluster runs on (the caller closes it)
   * @param management the management cluster holding the Cluster (the caller closes it)
   * @return the responder
   */
  public static MaintenanceResponder of(OpenStackClient openStack, ManagementCluster management) {
    InvalidInputException.requireArgument(openStack, "openStack");
    InvalidInputException.requireArgument(management, "management");
    return new MaintenanceResponder(openStack, management, false, Duration.ofMinutes(10), Duration.ofMinutes(30),
        Duration.ofSeconds(5), Clock.systemUTC());
  }

  /**
   * The same responder, acting or only reporting.
   *
   * @param on true to change nothing and report each step as {@link ResponseEvent.Type#WOULD}
   * @return the responder
   */
  public MaintenanceResponder dryRun(boolean on) {
    return new MaintenanceResponder(openStack, management, on, drainTimeout, replacementTimeout, pollInterval, clock);
  }

  /**
   * The same responder with other limits.
   *
   * @param drain how long a drain may take, PodDisruptionBudgets included, before the step fails
   * @param replacement how long to wait for the replacement server to be ACTIVE on a hypervisor
   * @param poll how often to look again (evictions refused by a budget, Nova)
   * @return the responder
   */
  public MaintenanceResponder timeouts(Duration drain, Duration replacement, Duration poll) {
    List<Problem> problems = new ArrayList<>();
    check(problems, "drain", drain);
    check(problems, "replacement", replacement);
    check(problems, "poll", poll);
    InvalidInputException.throwIfAny(problems);
    return new MaintenanceResponder(openStack, management, dryRun, drain, replacement, poll, clock);
  }

  private static void check(List<Problem> problems, String field, @Nullable Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(Problem.of(field, String.valueOf(d), "give a positive duration, e.g. PT5M"));
    }
  }

  /**
   * Carries out (or, in a dry run, describes) the plan's steps in order.
   *
   * @param seen the snapshot the plan was computed from (its quirks name the opt-in key)
   * @param plan the plan
   * @param listener receives each event as it happens
   * @return one result per step and the state for the next pass
   */
  public ResponseReport respond(ClusterObservations seen, ResponsePlan plan, ResponseListener listener) {
    InvalidInputException.requireArgument(seen, "seen");
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(listener, "listener");
    try (Pass pass = new Pass(seen, plan, listener)) {
      return pass.run();
    }
  }

  private final class Pass implements AutoCloseable {
    private final ClusterObservations seen;
    private final ResponsePlan plan;
    private final ResponseListener listener;
    private @Nullable KubernetesClient workload;
    private @Nullable KubernetesClient evictionClient;
    private final Map<String, Set<String>> membersBefore = new HashMap<>();
    private final Set<String> failedServers = new HashSet<>();
    private boolean replacementFailed;
    private int index;

    Pass(ClusterObservations seen, ResponsePlan plan, ResponseListener listener) {
      this.seen = seen;
      this.plan = plan;
      this.listener = listener;
    }

    ResponseReport run() {
      List<StepResult> results = new ArrayList<>();
      for (Step s : plan.steps()) {
        index++;
        Instant start = clock.instant();
        StepResult r;
        if (failedServers.contains(s.serverId())) {
          r = result(s, Outcome.SKIPPED, "an earlier step for " + s.serverName() + " failed", start);
        } else if (replacementFailed && s.kind() == StepKind.DELETE_MACHINE) {
          r = result(s, Outcome.SKIPPED, "an earlier replacement did not complete, so no further Machine is deleted in "
              + "this pass (etcd's quorum assumes one member down at a time)", start);
        } else if (dryRun) {
          r = result(s, Outcome.WOULD, "would " + s.kind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ": " + s.reason(), start);
        } else {
          emit(ResponseEvent.Type.STARTED, s, s.reason());
          try {
            r = execute(s, start);
          } catch (ClusterStacksException | KubernetesClientException e) {
            r = result(s, Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), start);
          }
        }
        if (r.outcome() == Outcome.FAILED) {
          failedServers.add(s.serverId());
          if (s.kind() == StepKind.DELETE_MACHINE || s.kind() == StepKind.AWAIT_REPLACEMENT) {
            replacementFailed = true;
          }
        }
        emit(switch (r.outcome()) {
          case DONE -> ResponseEvent.Type.DONE;
          case WOULD -> ResponseEvent.Type.WOULD;
          case FAILED -> ResponseEvent.Type.FAILED;
          case SKIPPED -> ResponseEvent.Type.SKIPPED;
        }, s, r.detail());
        results.add(r);
      }
      ResponseReport report = new ResponseReport(dryRun, results, state(results));
      LOG.debug("cluster {}/{}: {} steps{}, complete {}", plan.namespace(), plan.clusterName(), results.size(),
          dryRun ? " (dry run)" : "", report.complete());
      return report;
    }

    /**
     * The plan's next state, with what this pass actually did: a CORDON that did not happen is not recorded as
     * cordoned, an UNCORDON that did not happen keeps the node recorded as cordoned (the next pass tries again).
     */
    private ResponseState state(List<StepResult> results) {
      Map<String, Boolean> cordonDone = new HashMap<>();
      Map<String, Step> uncordonMissed = new LinkedHashMap<>();
      for (StepResult r : results) {
        if (r.step().kind() == StepKind.CORDON) {
          cordonDone.put(r.step().serverId(), r.outcome() == Outcome.DONE);
        }
        if (r.step().kind() == StepKind.UNCORDON && r.outcome() != Outcome.DONE) {
          uncordonMissed.put(r.step().serverId(), r.step());
        }
      }
      List<ResponseState.Entry> out = new ArrayList<>();
      for (ResponseState.Entry e : plan.nextState().entries()) {
        boolean now = cordonDone.containsKey(e.serverId()) ? cordonDone.get(e.serverId()) && e.cordoned() : e.cordoned();
        if (uncordonMissed.remove(e.serverId()) != null) {
          now = true;
        }
        out.add(new ResponseState.Entry(e.serverId(), e.serverName(), e.nodeName(), e.key(), e.value(), e.action(), now));
      }
      uncordonMissed.values().forEach(s -> out.add(new ResponseState.Entry(s.serverId(), s.serverName(), s.nodeName(), "", "",
          ResponsePlan.Action.NONE, true)));
      return new ResponseState(out);
    }

    private StepResult execute(Step s, Instant start) {
      return switch (s.kind()) {
        case SET_OPT_IN -> {
          Maintenance.OptInResult r = openStack.maintenance(seen.quirks()).optIn(s.serverId());
          yield result(s, Outcome.DONE, r.changed() ? "set " + r.key() + "=" + r.value() : r.key() + "=" + r.value()
              + " was already set", start);
        }
        case CORDON, UNCORDON -> {
          boolean on = s.kind() == StepKind.CORDON;
          Optional<String> node = node(s);
          if (node.isEmpty()) {
            if (!on) {
              yield result(s, Outcome.DONE, "no Node has providerID openstack:///" + s.serverId() + " any more: nothing to "
                  + "uncordon", start);
            }
            yield result(s, Outcome.FAILED, "no Node of the workload cluster has providerID openstack:///" + s.serverId()
                + " (or ends in /" + s.serverId() + ")", start);
          }
          client().nodes().withName(node.get()).patch(PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"unschedulable\":" + (on ? "true" : "null") + "}}");
          yield result(s, Outcome.DONE, "node " + node.get() + (on ? " cordoned" : " uncordoned"), start);
        }
        case DRAIN -> drain(s, start);
        case DELETE_MACHINE -> deleteMachine(s, start);
        case AWAIT_REPLACEMENT -> awaitReplacement(s, start);
      };
    }

    private StepResult drain(Step s, Instant start) {
      Optional<String> node = node(s);
      if (node.isEmpty()) {
        return result(s, Outcome.FAILED, "no Node of the workload cluster has providerID openstack:///" + s.serverId(), start);
      }
      KubernetesClient c = client();
      boolean v1 = c.getApiGroup("policy") != null && c.getApiGroup("policy").getVersions().stream()
          .anyMatch(v -> "v1".equals(v.getVersion()));
      Instant deadline = start.plus(drainTimeout);
      List<String> evicted = new ArrayList<>();
      Set<String> pending = new LinkedHashSet<>();
      int blocked = 0;
      while (true) {
        List<Pod> pods = evictable(c, node.get());
        pending.clear();
        for (Pod p : pods) {
          String name = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
          if (p.getMetadata().getDeletionTimestamp() != null) {
            pending.add(name); // evicted, terminating
            continue;
          }
          var pod = evictions().pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName());
          boolean accepted = v1 ? pod.evict(new EvictionBuilder().withNewMetadata().withName(p.getMetadata().getName())
              .withNamespace(p.getMetadata().getNamespace()).endMetadata().build()) : pod.evict();
          if (accepted) {
            evicted.add(name);
            emit(ResponseEvent.Type.EVICTED, s, "pod " + name + " evicted from node " + node.get());
          } else {
            blocked++;
            emit(ResponseEvent.Type.EVICTION_BLOCKED, s, "pod " + name + ": a PodDisruptionBudget allows no disruption now "
                + "(429); trying again in " + pollInterval.toSeconds() + " s");
          }
          pending.add(name);
        }
        if (pending.isEmpty()) {
          return new StepResult(s, Outcome.DONE, "node " + node.get() + " drained: " + evicted.size() + " pod"
              + (evicted.size() == 1 ? "" : "s") + " evicted" + (evicted.isEmpty() ? "" : " " + evicted) + (blocked == 0 ? ""
              : ", " + blocked + " eviction" + (blocked == 1 ? "" : "s") + " refused by a PodDisruptionBudget first"),
              Duration.between(start, clock.instant()), evicted, blocked, Optional.empty(), Optional.empty());
        }
        if (!clock.instant().isBefore(deadline)) {
          return new StepResult(s, Outcome.FAILED, "node " + node.get() + " not drained within " + drainTimeout + ": still "
              + pending + " (a PodDisruptionBudget that allows no disruption, or pods that do not terminate); the Machine is "
              + "not deleted", Duration.between(start, clock.instant()), evicted, blocked, Optional.empty(), Optional.empty());
        }
        sleep();
      }
    }

    /** The pods a drain evicts: not mirror pods, not DaemonSet pods, not finished. */
    private List<Pod> evictable(KubernetesClient c, String node) {
      List<Pod> out = new ArrayList<>();
      for (Pod p : c.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems()) {
        Map<String, String> ann = p.getMetadata().getAnnotations() == null ? Map.of() : p.getMetadata().getAnnotations();
        boolean daemon = p.getMetadata().getOwnerReferences() != null && p.getMetadata().getOwnerReferences().stream()
            .map(OwnerReference::getKind).anyMatch("DaemonSet"::equals);
        String phase = p.getStatus() == null ? "" : String.valueOf(p.getStatus().getPhase());
        if (ann.containsKey(MIRROR) || daemon || phase.equals("Succeeded") || phase.equals("Failed")) {
          continue;
        }
        out.add(p);
      }
      return out;
    }

    private StepResult deleteMachine(Step s, Instant start) {
      List<Map<String, Object>> machines = management.list(MACHINE_API, "Machine", plan.namespace(),
          Map.of(CLUSTER_LABEL, plan.clusterName()));
      Map<String, Object> machine = null;
      for (Map<String, Object> m : machines) {
        Object spec = m.get("spec");
        Object pid = spec instanceof Map<?, ?> sm ? sm.get("providerID") : null;
        if (pid instanceof String p && ResponsePlanner.matchesProviderId(p, s.serverId())) {
          machine = m;
        }
      }
      if (machine == null) {
        return result(s, Outcome.FAILED, "no Machine of cluster " + plan.namespace() + "/" + plan.clusterName() + " (label "
            + CLUSTER_LABEL + ") has spec.providerID openstack:///" + s.serverId() + " (" + machines.size() + " Machines "
            + "listed)", start);
      }
      Map<?, ?> meta = (Map<?, ?>) machine.get("metadata");
      String name = String.valueOf(meta.get("name"));
      String owner = "";
      if (meta.get("ownerReferences") instanceof List<?> owners) {
        for (Object o : owners) {
          if (o instanceof Map<?, ?> om && Boolean.TRUE.equals(om.get("controller"))) {
            owner = om.get("kind") + " " + om.get("name");
          }
        }
      }
      membersBefore.put(s.serverId(), members(s.groupId()));
      management.deleteObject(new ObjectRef(MACHINE_API, "Machine", plan.namespace(), name));
      String how = owner.startsWith("KubeadmControlPlane") ? "; " + owner + " removes its etcd member and scales back to its "
          + "replicas" : owner.isEmpty() ? "; it has no controller owner, so nothing will replace it" : "; " + owner
          + " creates the replacement";
      return result(s, Outcome.DONE, "Machine " + plan.namespace() + "/" + name + " deleted" + how, start);
    }

    private Set<String> members(String groupId) {
      return openStack.serverGroups().list().stream().filter(g -> g.id().equals(groupId)).findFirst()
          .map(ServerGroup::members).map(LinkedHashSet::new).orElseGet(LinkedHashSet::new);
    }

    private StepResult awaitReplacement(Step s, Instant start) {
      Set<String> before = new HashSet<>(membersBefore.getOrDefault(s.serverId(), Set.of()));
      seen.servers().forEach(x -> before.add(x.id()));
      Instant deadline = start.plus(replacementTimeout);
      Set<String> reported = new HashSet<>();
      String last = "no new server in the group yet";
      while (true) {
        Set<String> fresh = members(s.groupId());
        fresh.removeAll(before);
        if (!fresh.isEmpty()) {
          Map<String, ServerDetails> all = new HashMap<>();
          openStack.servers().forEach(x -> all.put(x.id(), x));
          for (String id : fresh) {
            ServerDetails d = all.get(id);
            if (d == null) {
              continue;
            }
            if (reported.add(id)) {
              emit(ResponseEvent.Type.REPLACEMENT_SEEN, s, "server " + d.name() + " (" + id + ") in the group, " + d.status());
            }
            if (d.status().equals("ERROR")) {
              return replacement(s, Outcome.FAILED, "the replacement " + d.name() + " (" + id + ") is in ERROR: " + d.fault(), start,
                  d);
            }
            if (d.status().equals("ACTIVE") && !d.hostId().isEmpty()) {
              if (d.hostId().equals(s.hostId())) {
                return replacement(s, Outcome.FAILED, "the replacement " + d.name() + " (" + id + ") landed on the announced "
                    + "hypervisor " + s.hostId() + " again: the group's policy let Nova place it there; replace it once more "
                    + "after the maintenance or by hand", start, d);
              }
              return replacement(s, Outcome.DONE, "replacement " + d.name() + " (" + id + ") is ACTIVE on hypervisor "
                  + d.hostId() + ", not on the announced " + s.hostId(), start, d);
            }
            last = d.name() + " is " + d.status() + (d.hostId().isEmpty() ? ", not yet on a hypervisor" : "");
          }
        }
        if (!clock.instant().isBefore(deadline)) {
          return result(s, Outcome.FAILED, "no replacement ACTIVE on another hypervisor within " + replacementTimeout + ": "
              + last, start);
        }
        sleep();
      }
    }

    private StepResult replacement(Step s, Outcome o, String detail, Instant start, ServerDetails d) {
      return new StepResult(s, o, detail, Duration.between(start, clock.instant()), List.of(), 0, Optional.of(d.id()),
          Optional.of(d.hostId()));
    }

    private Optional<String> node(Step s) {
      KubernetesClient c = client();
      if (!s.nodeName().isEmpty()) {
        var n = c.nodes().withName(s.nodeName()).get();
        if (n != null && n.getSpec() != null && n.getSpec().getProviderID() != null
            && ResponsePlanner.matchesProviderId(n.getSpec().getProviderID(), s.serverId())) {
          return Optional.of(s.nodeName());
        }
      }
      return c.nodes().list().getItems().stream().filter(n -> n.getSpec() != null && n.getSpec().getProviderID() != null
          && ResponsePlanner.matchesProviderId(n.getSpec().getProviderID(), s.serverId())).map(n -> n.getMetadata().getName())
          .findFirst();
    }

    private KubernetesClient client() {
      if (workload == null) {
        workload = management.workload(plan.namespace(), plan.clusterName()).client();
      }
      return workload;
    }

    /**
     * A client for evictions that does not retry on its own: fabric8 repeats a 429 with backoff inside the call,
     * which would hide the budget's refusals from the events and hold the drain loop in one call.
     */
    private KubernetesClient evictions() {
      if (evictionClient == null) {
        Config cfg = Config.fromKubeconfig(management.workload(plan.namespace(), plan.clusterName()).kubeconfig().text());
        cfg.setRequestRetryBackoffLimit(0);
        evictionClient = new KubernetesClientBuilder().withConfig(cfg).build();
      }
      return evictionClient;
    }

    private StepResult result(Step s, Outcome o, String detail, Instant start) {
      return new StepResult(s, o, detail, Duration.between(start, clock.instant()), List.of(), 0, Optional.empty(),
          Optional.empty());
    }

    private void emit(ResponseEvent.Type type, Step s, String message) {
      ResponseEvent e = new ResponseEvent(type, index, s, message, clock.instant());
      LOG.debug("{}", e);
      try {
        listener.on(e);
      } catch (RuntimeException ex) {
        LOG.warn("response listener failed on {}: {}", type, ex.toString());
      }
    }

    private void sleep() {
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterStacksException("interrupted while waiting");
      }
    }

    @Override
    public void close() {
      if (workload != null) {
        workload.close();
      }
      if (evictionClient != null) {
        evictionClient.close();
      }
    }
  }
}
