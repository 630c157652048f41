/** JMH benchmarks of manifest rendering against plain Jackson serialisation of the same trees. */
package io.clusterstacks.benchmarks.manifest;
