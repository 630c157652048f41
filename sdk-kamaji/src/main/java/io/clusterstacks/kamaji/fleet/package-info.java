/**
 * Fleet placement of Kamaji tenant control planes: many tenants' API-server replicas over the workers of
 * one management cluster, and those workers over the hypervisors they run on.
 *
 * <p>{@link io.clusterstacks.kamaji.fleet.FleetPlanner} plans a fleet, adds tenants without moving
 * others, drains a hypervisor move by move and rebalances within a move budget;
 * {@link io.clusterstacks.kamaji.fleet.FleetVerifier} checks any placement on its own. Everything here is
 * pure: no network, no clock. The per-tenant rules of one control plane are
 * {@link io.clusterstacks.kamaji.placement.TwoLevelPlanner}'s; this package decides where each replica goes.
 */
@NullMarked
package io.clusterstacks.kamaji.fleet;

import org.jspecify.annotations.NullMarked;
