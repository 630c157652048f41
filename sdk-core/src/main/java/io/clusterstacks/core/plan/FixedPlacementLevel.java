package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;

/** The {@link PlacementLevel} of {@link PlacementLevel#of}: equal when name, role and placement are. */
record FixedPlacementLevel(String name, String onRole, LevelPlacement placement) implements PlacementLevel {
  FixedPlacementLevel {
    InvalidInputException.requireArgument(name, "name");
    InvalidInputException.requireArgument(onRole, "onRole");
    InvalidInputException.requireArgument(placement, "placement");
  }

  @Override
  public LevelPlacement place(RolePlan machines) {
    return placement;
  }
}
