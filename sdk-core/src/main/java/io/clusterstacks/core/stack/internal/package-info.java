/** Implementation details of stack dialects and address arithmetic; not part of the API. */
@NullMarked
package io.clusterstacks.core.stack.internal;

import org.jspecify.annotations.NullMarked;
