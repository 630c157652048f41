package io.clusterstacks.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the SDK, used on every value type.
 *
 * <p>The generated {@code Immutable*} classes are package-private: no public signature names them.
 * Each value type is an abstract class (package-private constructor) that declares on itself
 * <ul>
 *   <li>{@code public static Builder builder()},
 *   <li>{@code public static X of(Consumer<Builder> spec)},
 *   <li>{@code public Builder toBuilder()} ({@code builder().from(this)}), and
 *   <li>{@code public static final class Builder extends ImmutableX.Builder { Builder() {} }}, whose
 *       generated setters return {@code X.Builder}.
 * </ul>
 * Accessors have no {@code get} prefix. A builder reports every missing or null mandatory attribute
 * at once as an {@link InvalidInputException} (path {@code type.attribute}); cross-field rules live in
 * a {@code @Value.Check} method that also throws {@link InvalidInputException} with all problems.
 * Only JDK collections are used. {@link Problem} is the smallest example.
 *
 * <p>It is public so that the SDK's other modules (sdk-kubernetes' options, for example) put their
 * values on the same style; applications need not use it. The {@code @Value.Check} methods are
 * package-private, so they are not part of any type's API.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    throwForInvalidImmutableState = InvalidInputException.class,
    throwForNullPointer = InvalidInputException.class,
    jdkOnly = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = true))
public @interface SdkStyle {}
