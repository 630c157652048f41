/** Implementation of the OpenStack client: transport, Keystone, JSON; not part of the API. */
@NullMarked
package io.clusterstacks.openstack.internal;

import org.jspecify.annotations.NullMarked;
