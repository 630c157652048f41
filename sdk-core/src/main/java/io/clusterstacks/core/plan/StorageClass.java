package io.clusterstacks.core.plan;

/** Where a flavor's root disk lives, as far as etcd cares. */
public enum StorageClass {
  /** A local NVMe disk ({@code p}, {@code scs:disk0-type=nvme}). */
  LOCAL_NVME("local NVMe"),
  /** A local SSD ({@code s}, {@code scs:disk0-type=ssd}; scs-0110: at least 1000 sequential IOPS). */
  LOCAL_SSD("local SSD"),
  /** A local disk of unstated type (e.g. only {@code aggregate_instance_extra_specs:localdisk=true}). */
  LOCAL_UNSPECIFIED("local disk of unstated type"),
  /** A local spinning disk ({@code h}). */
  LOCAL_HDD("local HDD"),
  /** A disk on network storage ({@code n}, or a sized disk of unstated type). */
  NETWORK("network storage"),
  /** No flavor disk: the server boots from a root volume, which is network storage. */
  DISKLESS("no flavor disk (root volume on network storage)");

  private final String description;

  StorageClass(String description) {
    this.description = description;
  }

  /**
   * A few words for reports.
   *
   * @return e.g. {@code local SSD}
   */
  public String description() {
    return description;
  }

  /**
   * Whether the root disk is on the hypervisor.
   *
   * @return true for the local classes
   */
  public boolean isLocal() {
    return this == LOCAL_NVME || this == LOCAL_SSD || this == LOCAL_UNSPECIFIED || this == LOCAL_HDD;
  }

  /**
   * Whether etcd gets the low write latency it needs (scs-0110): local SSD or NVMe.
   *
   * @return true for local SSD and NVMe
   */
  public boolean isEtcdGrade() {
    return this == LOCAL_NVME || this == LOCAL_SSD;
  }
}
