/** Implementation of the cloud-profile JSON format; not part of the API. */
@NullMarked
package io.clusterstacks.core.cloud.internal;

import org.jspecify.annotations.NullMarked;
