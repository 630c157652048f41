package io.clusterstacks.core.model;

/** The release channel of a ClusterStack. */
public enum StackChannel {
  /** Released versions {@code v1}, {@code v2}, ... */
  STABLE("stable"),
  /** Custom builds such as {@code v0-sha.lvlvyfw}. */
  CUSTOM("custom");

  private final String value;

  StackChannel(String value) {
    this.value = value;
  }

  /**
   * The value of {@code spec.channel}.
   *
   * @return e.g. {@code stable}
   */
  public String value() {
    return value;
  }
}
