package io.clusterstacks.core.image;

import java.util.List;

/**
 * The image a strategy needs is not in the cloud profile; the message lists the images that do exist
 * and how to get the right one.
 */
public class ImageNotFoundException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /** What was looked for. */
  private final String wanted;
  /** The candidates that exist. */
  private final transient List<String> existing;

  /**
   * Creates the exception.
   *
   * @param wanted what was looked for, e.g. {@code image named ubuntu-capi-image-v1.33.4}
   * @param existing the images that exist (most relevant first), as shown to the user
   * @param howToGetIt how to get the right image
   */
  public ImageNotFoundException(String wanted, List<String> existing, String howToGetIt) {
    super("no " + wanted + " in the cloud profile; "
        + (existing.isEmpty() ? "the profile lists no matching images" : "images there: " + String.join(", ", existing))
        + "; " + howToGetIt);
    this.wanted = wanted;
    this.existing = List.copyOf(existing);
  }

  /**
   * What was looked for.
   *
   * @return e.g. {@code image named ubuntu-capi-image-v1.33.4}
   */
  public String wanted() {
    return wanted;
  }

  /**
   * The images that exist, most relevant first.
   *
   * @return the candidates
   */
  public List<String> existing() {
    return existing;
  }
}
