/**
 * Small, runnable sample programs that show the SDK's main uses; the build compiles them, the tests run
 * them, and the README's code blocks are copied from their tagged regions.
 */
@NullMarked
package io.clusterstacks.samples;

import org.jspecify.annotations.NullMarked;
