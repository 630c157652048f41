package io.clusterstacks.archfixture.e;

/** Fixture: a public signature naming a generated Immutable* type, which the API check must refuse. */
public final class Exposes {
  private Exposes() {}

  /**
   * Fixture method.
   *
   * @return a generated type, wrongly exposed
   */
  public static ImmutableThing thing() {
    return new ImmutableThing();
  }

  /**
   * Fixture method that the test removes from the recorded dump.
   *
   * @return zero
   */
  public static int count() {
    return 0;
  }
}
