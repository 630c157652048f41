/** The planner's engine: flavor facts, the one scoring function, the search, the oracle and the renderers. */
@NullMarked
package io.clusterstacks.core.plan.internal;

import org.jspecify.annotations.NullMarked;
