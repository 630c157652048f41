package io.clusterstacks.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the SDK, used on every value type (or on a package).
 *
 * <p>Value types are abstract classes or interfaces named for what they are ({@code ClusterStack});
 * the generated implementation is {@code ImmutableClusterStack}, which stays an implementation
 * detail: users call {@code ClusterStack.builder()}. Accessors have no {@code get} prefix, builders
 * report every missing attribute at once, and only JDK collections are used.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    overshadowImplementation = true,
    jdkOnly = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = true))
public @interface SdkStyle {}
