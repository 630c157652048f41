package io.clusterstacks.archfixture.a.internal;

/** Fixture: an internal class of package a. */
public final class Hidden {
  /** Fixture value. */
  public static final int VALUE = 1;

  private Hidden() {}

  /**
   * Fixture method.
   *
   * @return one
   */
  public static int value() {
    return VALUE;
  }
}
