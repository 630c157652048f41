/**
 * What the SDK knows about one OpenStack cloud: its flavors, images, availability zones, hypervisors,
 * quotas and usage, compute microversions and provider quirks.
 *
 * <p>A {@link io.clusterstacks.core.cloud.CloudProfile} is a plain value: build it in code, read it from
 * JSON ({@link io.clusterstacks.core.cloud.CloudProfiles#read(java.io.InputStream)}), or take one of the
 * bundled profiles ({@link io.clusterstacks.core.cloud.CloudProfiles#bundled(String)}). The planner reads
 * it; nothing in this package talks to a cloud.
 */
@NullMarked
package io.clusterstacks.core.cloud;

import org.jspecify.annotations.NullMarked;
