package io.clusterstacks.core.image;

import java.util.Objects;

/**
 * Something the provider must offer for an image plan to work, and whether the cloud profile shows it.
 *
 * @param description what is needed, e.g. "Glance image ubuntu-capi-image-v1.34.7"
 * @param met whether the cloud profile shows it
 * @param fix what to do when it is not met (empty when met)
 */
public record ImageRequirement(String description, boolean met, String fix) {
  /**
   * Checks the parts are present.
   *
   * @param description what is needed
   * @param met whether the profile shows it
   * @param fix what to do when not met
   */
  public ImageRequirement {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(fix, "fix");
  }

  @Override
  public String toString() {
    return (met ? "[met] " : "[NOT met] ") + description + (met || fix.isEmpty() ? "" : " - " + fix);
  }
}
