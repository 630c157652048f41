package io.clusterstacks.core.image;

import io.clusterstacks.core.model.OutputMode;
import java.util.List;

/**
 * An image strategy does not work with the stack dialect in the asked output mode; the message names
 * the strategies that do, and whether raw CAPI mode would work.
 */
public class UnsupportedCombinationException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /** The strategy asked for. */
  private final String strategy;
  /** The stack dialect id, or {@code none}. */
  private final String dialect;
  /** The mode asked for. */
  private final OutputMode mode;
  /** Why the combination does not work. */
  private final String why;
  /** The choices that work. */
  private final transient List<String> supportedChoices;

  /**
   * Creates the exception.
   *
   * @param strategy the strategy name (and variant)
   * @param dialect the stack dialect, e.g. {@code scs}, or {@code none}
   * @param mode the mode asked for
   * @param why why it does not work
   * @param supportedChoices the strategies that work for this dialect and mode, and the raw-mode option
   */
  public UnsupportedCombinationException(
      String strategy, String dialect, OutputMode mode, String why, List<String> supportedChoices) {
    super("image strategy " + strategy + " with stack " + dialect + " in " + mode + " mode: " + why
        + "; supported choices: " + String.join("; ", supportedChoices));
    this.strategy = strategy;
    this.dialect = dialect;
    this.mode = mode;
    this.why = why;
    this.supportedChoices = List.copyOf(supportedChoices);
  }

  /**
   * The strategy asked for.
   *
   * @return e.g. {@code ubuntu}
   */
  public String strategy() {
    return strategy;
  }

  /**
   * The stack dialect.
   *
   * @return e.g. {@code scs}, or {@code none}
   */
  public String dialect() {
    return dialect;
  }

  /**
   * The mode asked for.
   *
   * @return the mode
   */
  public OutputMode mode() {
    return mode;
  }

  /**
   * Why the combination does not work, without the list of choices.
   *
   * @return e.g. {@code no SCS ClusterClass takes extra bootstrap commands}
   */
  public String why() {
    return why;
  }

  /**
   * What works instead.
   *
   * @return the choices, one sentence each
   */
  public List<String> supportedChoices() {
    return supportedChoices;
  }
}
