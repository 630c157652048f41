package io.clusterstacks.core.image;

/**
 * A generated bootstrap document is larger than its limit, e.g. an ignition Container Linux Config
 * above 32 KiB.
 */
public class BootstrapTooLargeException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /** The document that is too large. */
  private final String what;
  /** Its size in bytes. */
  private final int sizeBytes;
  /** The limit in bytes. */
  private final int limitBytes;

  /**
   * Creates the exception.
   *
   * @param what the document, e.g. {@code ignition.containerLinuxConfig.additionalConfig}
   * @param sizeBytes its size in bytes (UTF-8)
   * @param limitBytes the limit in bytes
   */
  public BootstrapTooLargeException(String what, int sizeBytes, int limitBytes) {
    super(what + ": got " + sizeBytes + " bytes, the limit is " + limitBytes
        + " bytes; move large content out of the config (download it with a checksum, or bake it into"
        + " the image) and keep only references inline");
    this.what = what;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }

  /**
   * The document that is too large.
   *
   * @return e.g. {@code ignition.containerLinuxConfig.additionalConfig}
   */
  public String what() {
    return what;
  }

  /**
   * Its size.
   *
   * @return bytes (UTF-8)
   */
  public int sizeBytes() {
    return sizeBytes;
  }

  /**
   * The limit.
   *
   * @return bytes
   */
  public int limitBytes() {
    return limitBytes;
  }
}
