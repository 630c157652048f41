package io.clusterstacks.benchmarks.fleet;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** One tenant replica as a Timefold planning entity: the worker is the planning variable. */
@PlanningEntity
public final class TfReplica {
  @PlanningId
  private long id;
  private int tenant;
  private boolean hard;
  private int cpu;
  private int memory;
  private TfWorker original;

  @PlanningVariable
  private TfWorker worker;

  /** For Timefold's cloning. */
  public TfReplica() {}

  TfReplica(long id, int tenant, boolean hard, int cpu, int memory) {
    this.id = id;
    this.tenant = tenant;
    this.hard = hard;
    this.cpu = cpu;
    this.memory = memory;
  }

  /** @return the planning id */
  public long getId() {
    return id;
  }

  /** @return the tenant's index */
  public int getTenant() {
    return tenant;
  }

  /** @return whether the tenant asks for hard spread */
  public boolean isHard() {
    return hard;
  }

  /** @return requested millicores */
  public int getCpu() {
    return cpu;
  }

  /** @return requested MiB */
  public int getMemory() {
    return memory;
  }

  /** @return the worker before a drain, or null when placing from scratch */
  public TfWorker getOriginal() {
    return original;
  }

  void setOriginal(TfWorker original) {
    this.original = original;
  }

  /** @return the assigned worker, or null while uninitialised */
  public TfWorker getWorker() {
    return worker;
  }

  /** @param worker the assigned worker */
  public void setWorker(TfWorker worker) {
    this.worker = worker;
  }

  /** @return the hypervisor of the assigned worker */
  public int getHypervisor() {
    return worker.getHypervisor();
  }

  /** @return whether a drain moved this replica */
  public boolean isMoved() {
    return original != null && original != worker;
  }
}
