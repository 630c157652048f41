/**
 * The typed cluster model shared by rendering and planning: output modes and server-group references,
 * and the ClusterStack and Cluster values with their builders.
 */
@NullMarked
package io.clusterstacks.core.model;

import org.jspecify.annotations.NullMarked;
