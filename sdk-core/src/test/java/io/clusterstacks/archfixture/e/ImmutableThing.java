package io.clusterstacks.archfixture.e;

/** Fixture: stands for a generated implementation class. */
public final class ImmutableThing {}
