/**
 * SCS flavor names (scs-0100) and the scs-0103 flavor properties: parse, explain, build and format
 * names such as {@code SCS-2V-4-20s}, generate and read back {@code extra_specs}, and check a cloud
 * flavor against its name.
 *
 * <p>Start with {@link io.clusterstacks.core.flavor.ScsFlavorName#parse(String)}.
 */
@NullMarked
package io.clusterstacks.core.flavor;

import org.jspecify.annotations.NullMarked;
