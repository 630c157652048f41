/** Flavor-name parsing benchmarks: the hand-written parser against a regex port of the reference. */
package io.clusterstacks.benchmarks.flavor;
