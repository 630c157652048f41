package io.clusterstacks.kamaji.placement;

/** What the scheduler does with a pod that a topology spread constraint's skew bound does not admit. */
public enum WhenUnsatisfiable {
  /** The pod stays Pending until the bound admits it. */
  DO_NOT_SCHEDULE("DoNotSchedule"),
  /** The bound is a score; the pod is placed regardless. */
  SCHEDULE_ANYWAY("ScheduleAnyway");

  private final String apiValue;

  WhenUnsatisfiable(String apiValue) {
    this.apiValue = apiValue;
  }

  /**
   * The value of {@code topologySpreadConstraints[].whenUnsatisfiable}.
   *
   * @return {@code DoNotSchedule} or {@code ScheduleAnyway}
   */
  public String apiValue() {
    return apiValue;
  }
}
