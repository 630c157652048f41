package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.plan.internal.ReportRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The planner's answer: per role the flavor, placement, root disk, maintenance opt-in, server groups and
 * image, with reasons, runners-up, trade-offs and alternatives; the quorum analysis; the quota checks;
 * and every warning.
 *
 * <pre>{@code
 * ClusterPlan plan = Planner.plan(request, CloudProfiles.bundled("scs-reference"));
 * System.out.println(plan.report());               // readable report
 * System.out.println(plan.placementMap().toText()); // hosts x roles table
 * String svg = plan.placementMap().toSvg();
 * }</pre>
 */
@Value.Immutable
@SdkStyle
public abstract class ClusterPlan {

  /**
   * Starts a builder (used by the planner).
   *
   * @return a new builder
   */
  public static ImmutableClusterPlan.Builder builder() {
    return ImmutableClusterPlan.builder();
  }

  /**
   * The request this plan answers.
   *
   * @return the request
   */
  public abstract ClusterRequest request();

  /**
   * The cloud profile it was planned against.
   *
   * @return the profile
   */
  @Value.Auxiliary
  public abstract CloudProfile cloud();

  /**
   * Why the plan uses its output mode.
   *
   * @return one sentence
   */
  public abstract String modeReason();

  /**
   * The control plane, when it has machines (a Kamaji control plane has none).
   *
   * @return the control-plane plan
   */
  public abstract Optional<RolePlan> controlPlane();

  /**
   * The worker deployments, in request order.
   *
   * @return the worker plans
   */
  public abstract List<RolePlan> workers();

  /**
   * What losing a hypervisor does to etcd, when there are control-plane machines.
   *
   * @return the analysis
   */
  public abstract Optional<QuorumAnalysis> quorum();

  /**
   * The quotas against what the cluster needs.
   *
   * @return the checks (instances, cores, RAM, server groups)
   */
  public abstract List<QuotaCheck> quotas();

  /**
   * Everything the user should know, most severe first.
   *
   * @return the warnings
   */
  public abstract List<PlanWarning> warnings();

  /**
   * The control plane and the workers, in that order.
   *
   * @return every role plan
   */
  public List<RolePlan> roles() {
    List<RolePlan> out = new ArrayList<>();
    controlPlane().ifPresent(out::add);
    out.addAll(workers());
    return out;
  }

  /**
   * A worker plan by deployment name.
   *
   * @param name the deployment name from the request
   * @return the plan, or empty
   */
  public Optional<RolePlan> worker(String name) {
    return workers().stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /**
   * Warnings with a given code.
   *
   * @param code the code
   * @return the matching warnings
   */
  public List<PlanWarning> warnings(PlanWarning.Code code) {
    return warnings().stream().filter(w -> w.code() == code).toList();
  }

  /**
   * The plan as a readable text report: decisions with reasons and runners-up, trade-offs and
   * alternatives, quorum, maintenance, quotas, warnings and the placement map.
   *
   * @return the report, ending with a newline
   */
  public String report() {
    return ReportRenderer.report(this);
  }

  /**
   * The expected placement of every role's members over the hypervisors, with the worst case.
   *
   * @return the map
   */
  public PlacementMap placementMap() {
    return PlacementMap.of(this);
  }
}
