package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.manifest.ManifestRenderer;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.internal.ReportRenderer;
import io.clusterstacks.core.plan.internal.SpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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

  ClusterPlan() {}

  /**
   * Starts a builder (the planner uses it; a plan built by hand is not checked against a cloud).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A plan built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the plan
   * @throws InvalidInputException listing every missing attribute
   */
  public static ClusterPlan of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this plan's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
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
   * The output mode the plan was made for and renders in: the request's, or raw CAPI when the request
   * allowed the switch ({@link ClusterRequest#allowRawCapiSwitch()}) and the image strategy needs it.
   *
   * @return the mode
   */
  @Value.Default
  public OutputMode mode() {
    return request().mode();
  }

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
   * The request's further placement levels as planned (pods over machines over hypervisors).
   *
   * @return one per {@link ClusterRequest#placementLevels()}, in order
   */
  public abstract List<LevelPlan> levels();

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
   * The server groups the plan needs that do not exist yet, in role order. Create them (sdk-openstack,
   * or {@code openstack server group create}) and pass their IDs to {@link #withServerGroupIds(Map)}
   * before rendering topology mode; raw CAPI mode renders them as ORC {@code ServerGroup} objects.
   * See {@link #serverGroupIdsNeeded()} for whether the mode needs the IDs.
   *
   * @return the groups to create
   */
  public List<ServerGroupRef.ToCreate> serverGroupsToCreate() {
    List<ServerGroupRef.ToCreate> out = new ArrayList<>();
    for (RolePlan r : roles()) {
      for (ServerGroupRef g : r.serverGroups()) {
        if (g instanceof ServerGroupRef.ToCreate t) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /**
   * The server groups whose IDs must be passed to {@link #withServerGroupIds(Map)} before the plan
   * renders: in topology mode the ClusterClass takes server-group IDs only, and the SDK never invents
   * one; raw CAPI mode needs none (ORC creates the groups).
   *
   * @return the groups still without an ID, empty when the plan can be rendered
   */
  public List<ServerGroupRef.ToCreate> serverGroupIdsNeeded() {
    return mode() == OutputMode.TOPOLOGY ? serverGroupsToCreate() : List.of();
  }

  /**
   * The same plan with server groups referred to by their IDs (after they were created).
   *
   * @param idsByName the Nova server-group ID for each group name of {@link #serverGroupsToCreate()}
   * @return the changed plan
   * @throws InvalidInputException naming every group without an ID
   */
  public ClusterPlan withServerGroupIds(Map<String, String> idsByName) {
    InvalidInputException.requireArgument(idsByName, "idsByName");
    List<Problem> problems = new ArrayList<>();
    for (ServerGroupRef.ToCreate t : serverGroupsToCreate()) {
      String id = idsByName.get(t.name());
      if (id == null || id.isBlank()) {
        problems.add(Problem.of("idsByName[" + t.name() + "]", id == null ? Problem.MISSING : id,
            "create the group (serverGroupsToCreate()) and pass its Nova ID by group name; got IDs for "
                + Names.shown(idsByName.keySet().toString())));
      }
    }
    InvalidInputException.throwIfAny(problems);
    java.util.function.UnaryOperator<RolePlan> resolve = r -> r.toBuilder().deployments(r.deployments().stream()
        .map(d -> d.toBuilder().serverGroup(d.serverGroup().map(g -> g instanceof ServerGroupRef.ToCreate t
            ? ServerGroupRef.known(idsByName.get(t.name())) : g)).build()).toList()).build();
    return toBuilder().controlPlane(controlPlane().map(resolve)).workers(workers().stream().map(resolve).toList()).build();
  }

  /**
   * The plan as the model's cluster spec, in {@link #mode()}: per role the flavor, root disk, server
   * group and (raw mode) server metadata, the control-plane surge (raw mode), the worker deployments
   * with their rollout strategy, the image, the request's credentials and (topology mode) its
   * {@link ClusterRequest#clusterStackToRender() ClusterStack}.
   *
   * @return the spec
   */
  public ClusterSpec toClusterSpec() {
    return SpecBuilder.toSpec(this, b -> { });
  }

  /**
   * The plan as the model's cluster spec, with further settings the planner does not decide.
   *
   * @param extras e.g. {@code b -> b.namespace("prod").sshKeyName("ops")}
   * @return the spec
   */
  public ClusterSpec toClusterSpec(Consumer<ClusterSpec.Builder> extras) {
    return SpecBuilder.toSpec(this, extras);
  }

  /**
   * Renders the plan's manifests (raw mode: with ORC {@code ServerGroup} objects for the groups to
   * create; topology mode: resolve the groups first with {@link #withServerGroupIds(Map)}), with the
   * credential Secrets and the ClusterStack when the request carries them.
   *
   * @return the manifests
   * @throws io.clusterstacks.core.model.UnresolvedServerGroupException in topology mode while groups are still to be created
   */
  public Manifests manifests() {
    return ManifestRenderer.render(toClusterSpec());
  }

  /**
   * Renders the plan's manifests with further settings.
   *
   * @param extras e.g. {@code b -> b.namespace("prod").sshKeyName("ops")}
   * @return the manifests
   */
  public Manifests manifests(Consumer<ClusterSpec.Builder> extras) {
    return ManifestRenderer.render(toClusterSpec(extras));
  }

  /**
   * The expected placement of every role's members over the hypervisors, with the worst case.
   *
   * @return the map
   */
  public PlacementMap placementMap() {
    return PlacementMap.of(this);
  }

  /** Builds a {@link ClusterPlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableClusterPlan.Builder {
    Builder() {}
  }
}
