package io.clusterstacks.archfixture.b;

import io.clusterstacks.archfixture.a.internal.Hidden;

/** Fixture: package b reaches into package a's internal, which the architecture check must refuse. */
public final class UsesForeignInternal {
  private UsesForeignInternal() {}

  /**
   * Fixture method.
   *
   * @return a's internal value
   */
  public static int value() {
    return Hidden.value();
  }
}
