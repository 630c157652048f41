/**
 * Fixtures for the build's architecture and API checks: each package breaks one rule on purpose, so
 * {@code io.clusterstacks.core.api.BuildChecksTest} can show that the checks fail.
 */
package io.clusterstacks.archfixture;
