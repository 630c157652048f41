package io.clusterstacks.archfixture.d;

import io.clusterstacks.archfixture.c.C;

/** Fixture: d uses c, closing the cycle. */
public final class D {
  private D() {}

  /**
   * Fixture method.
   *
   * @return c's name
   */
  public static String name() {
    return C.class.getName();
  }
}
