package io.clusterstacks.core.plan;

/**
 * A further placement level stacked on the machines of a planned role: the extension point for members
 * that are not servers themselves, such as Kamaji's tenant control-plane pods (and their DataStore's
 * etcd pods) on management-cluster workers, which are in turn servers spread over hypervisors.
 *
 * <p>Register levels on the request ({@link ClusterRequest#placementLevels()}); the planner plans the
 * machines first, then asks each level how its members go onto the machines of {@link #onRole()}
 * ({@link #place(RolePlan)}), and works out what that means per hypervisor, for quorum and for
 * scheduling: the result is a {@link LevelPlan} in {@link ClusterPlan#levels()}, in the report, and in
 * the warnings. Implementations are pure (no network, no clock) like the planner.
 *
 * <pre>{@code
 * PlacementLevel tenantEtcd = PlacementLevel.of("tenant-a datastore", "md-0",
 *     LevelPlacement.of(l -> l.members(3).maxPerMachine(1).needsQuorum(true)
 *         .addReasons("required podAntiAffinity on kubernetes.io/hostname")));
 * ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7").addWorkers(WorkerRequest.of("md-0", 3))
 *     .addPlacementLevels(tenantEtcd));
 * }</pre>
 */
public interface PlacementLevel {

  /**
   * The level's name in reports and warnings.
   *
   * @return e.g. {@code tenant-a control plane}
   */
  String name();

  /**
   * The planned role whose machines carry this level's members.
   *
   * @return {@code control-plane} or a worker deployment name of the same request
   */
  String onRole();

  /**
   * How this level's members go onto the role's machines, once the role is planned.
   *
   * @param machines the plan of {@link #onRole()}: its replicas, flavor and placement over hypervisors
   * @return the members and the rule that spreads them over machines
   */
  LevelPlacement place(RolePlan machines);

  /**
   * A level whose placement does not depend on the planned role.
   *
   * @param name the level's name
   * @param onRole the role whose machines carry it
   * @param placement the members and their rule
   * @return the level
   */
  static PlacementLevel of(String name, String onRole, LevelPlacement placement) {
    return new FixedPlacementLevel(name, onRole, placement);
  }
}
