package io.clusterstacks.lifecycle.respond;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When the responder acts on an announcement.
 *
 * @param leadTime how long before the announced time it starts (cordon, drain, replace); an announcement further
 *     away is only listed as pending
 * @param window how long after the announced time the maintenance is taken to last; a node held through it is
 *     uncordoned on the first pass after it (the provider's reboot takes about 15 minutes)
 */
public record ResponseOptions(Duration leadTime, Duration window) {
  /** The window {@link #of(Duration)} uses: one hour, four times the provider's typical reboot. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  /**
   * Checks both are positive.
   *
   * @param leadTime the lead time
   * @param window the window
   */
  public ResponseOptions {
    List<Problem> problems = new ArrayList<>();
    if (leadTime == null || leadTime.isNegative() || leadTime.isZero()) {
      problems.add(Problem.of("leadTime", String.valueOf(leadTime), "give a positive lead time, e.g. PT2H"));
    }
    if (window == null || window.isNegative() || window.isZero()) {
      problems.add(Problem.of("window", String.valueOf(window), "give a positive window, e.g. PT1H"));
    }
    InvalidInputException.throwIfAny(problems);
  }

  /**
   * Options with a lead time and the {@link #DEFAULT_WINDOW}.
   *
   * @param leadTime the lead time
   * @return the options
   */
  public static ResponseOptions of(Duration leadTime) {
    return new ResponseOptions(leadTime, DEFAULT_WINDOW);
  }
}
