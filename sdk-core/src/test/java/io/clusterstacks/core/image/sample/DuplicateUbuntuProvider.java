package io.clusterstacks.core.image.sample;

import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageStrategyProvider;
import java.util.Map;

/** A provider that claims the built-in name {@code ubuntu}; registered only in the ambiguity test. */
public final class DuplicateUbuntuProvider implements ImageStrategyProvider {
  @Override
  public String name() {
    return "ubuntu";
  }

  @Override
  public String description() {
    return "a second provider named ubuntu";
  }

  @Override
  public Map<String, String> options() {
    return Map.of();
  }

  @Override
  public ImageStrategy create(Map<String, String> options) {
    return ImageStrategies.flatcar();
  }
}
