package io.clusterstacks.benchmarks.fleet;

/** A management worker as a Timefold problem fact (public with getters: Timefold reads it reflectively). */
public final class TfWorker {
  private int index;
  private String name;
  private int hypervisor;
  private int cpu;
  private int memory;

  /** For Timefold's cloning. */
  public TfWorker() {}

  TfWorker(int index, String name, int hypervisor, int cpu, int memory) {
    this.index = index;
    this.name = name;
    this.hypervisor = hypervisor;
    this.cpu = cpu;
    this.memory = memory;
  }

  /** @return the index in the instance's worker list */
  public int getIndex() {
    return index;
  }

  /** @return the node name */
  public String getName() {
    return name;
  }

  /** @return the hypervisor's index */
  public int getHypervisor() {
    return hypervisor;
  }

  /** @return allocatable millicores */
  public int getCpu() {
    return cpu;
  }

  /** @return allocatable MiB */
  public int getMemory() {
    return memory;
  }

  @Override
  public String toString() {
    return name;
  }
}
