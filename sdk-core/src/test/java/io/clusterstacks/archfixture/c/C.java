package io.clusterstacks.archfixture.c;

import io.clusterstacks.archfixture.d.D;

/** Fixture: c uses d, and d uses c: a package cycle. */
public final class C {
  private C() {}

  /**
   * Fixture method.
   *
   * @return d's name
   */
  public static String name() {
    return D.class.getName();
  }
}
