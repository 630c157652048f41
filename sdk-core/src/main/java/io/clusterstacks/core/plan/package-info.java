/**
 * The planner: from a {@link io.clusterstacks.core.plan.ClusterRequest} and a
 * {@link io.clusterstacks.core.cloud.CloudProfile} to an explained
 * {@link io.clusterstacks.core.plan.ClusterPlan} with flavors, server-group policies, quorum
 * analysis, maintenance opt-ins, quota checks, a report and a placement map.
 *
 * <p>Planning is a pure function: {@link io.clusterstacks.core.plan.Planner#plan(ClusterRequest,
 * io.clusterstacks.core.cloud.CloudProfile)} touches no network and no clock, and the same input
 * gives the same plan. A request that no plan can satisfy raises
 * {@link io.clusterstacks.core.plan.InfeasiblePlanException} with the violated constraints and the
 * options that would work.
 */
@NullMarked
package io.clusterstacks.core.plan;

import org.jspecify.annotations.NullMarked;
