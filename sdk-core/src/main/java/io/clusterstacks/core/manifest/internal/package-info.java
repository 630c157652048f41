/** Implementation details of manifest rendering and parsing; not part of the API. */
@NullMarked
package io.clusterstacks.core.manifest.internal;

import org.jspecify.annotations.NullMarked;
