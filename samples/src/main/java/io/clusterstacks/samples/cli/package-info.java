/**
 * The {@code clusterstacks} command line: picocli sub-commands over the SDK, with distinct exit codes
 * for invalid input, infeasible plans and validation failures.
 */
@NullMarked
package io.clusterstacks.samples.cli;

import org.jspecify.annotations.NullMarked;
