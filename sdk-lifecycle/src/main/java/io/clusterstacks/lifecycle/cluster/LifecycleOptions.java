package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.kubernetes.DeleteOptions;
import io.clusterstacks.kubernetes.WaitOptions;
import java.time.Duration;

/**
 * How {@link ClusterLifecycle} waits and locks.
 *
 * @param waitOptions how {@link Step#WAIT} waits (its timeout, the ClusterStack to wait for, whether to probe the
 *     workload API)
 * @param deleteOptions how {@link Step#DELETE_OBJECTS} waits for the objects to go
 * @param leaseDuration how long the cluster's Lease outlives a run that died without releasing it (renewed
 *     every third of it while the run lives)
 */
public record LifecycleOptions(WaitOptions waitOptions, DeleteOptions deleteOptions, Duration leaseDuration) {
  /**
   * Checks the components.
   *
   * @param waitOptions how to wait
   * @param deleteOptions how to delete
   * @param leaseDuration the Lease's duration
   */
  public LifecycleOptions {
    InvalidInputException.requireArgument(waitOptions, "waitOptions");
    InvalidInputException.requireArgument(deleteOptions, "deleteOptions");
    InvalidInputException.requireArgument(leaseDuration, "leaseDuration");
  }

  /**
   * sdk-kubernetes' wait and delete defaults and a 60 s Lease.
   *
   * @return the defaults
   */
  public static LifecycleOptions defaults() {
    return new LifecycleOptions(WaitOptions.defaults(), DeleteOptions.defaults(), Duration.ofSeconds(60));
  }

  /**
   * The same options with another wait.
   *
   * @param wait how to wait
   * @return the changed options
   */
  public LifecycleOptions withWait(WaitOptions wait) {
    return new LifecycleOptions(wait, deleteOptions, leaseDuration);
  }

  /**
   * The same options with another delete wait.
   *
   * @param delete how to wait for the objects to go
   * @return the changed options
   */
  public LifecycleOptions withDelete(DeleteOptions delete) {
    return new LifecycleOptions(waitOptions, delete, leaseDuration);
  }

  /**
   * The same options with another Lease duration.
   *
   * @param leaseDuration 3 s to 24 h
   * @return the changed options
   */
  public LifecycleOptions withLeaseDuration(Duration leaseDuration) {
    return new LifecycleOptions(waitOptions, deleteOptions, leaseDuration);
  }
}
