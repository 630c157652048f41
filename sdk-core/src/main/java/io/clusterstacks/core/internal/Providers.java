package io.clusterstacks.core.internal;

import io.clusterstacks.core.ClusterStacksException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Discovery of the SDK's extension points: the built-in providers plus those found by
 * {@link ServiceLoader}, deterministic (sorted by name, then class; a class listed twice counts once).
 * Choosing by name: a provider class name wins; a name two providers share is an error naming both.
 */
public final class Providers {
  private Providers() {}

  /**
   * The class loader extension points look on: the thread's context class loader, else the SDK's.
   *
   * @param sdkClass a class of the SDK
   * @return the class loader
   */
  public static ClassLoader defaultLoader(Class<?> sdkClass) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : sdkClass.getClassLoader();
  }

  /**
   * The built-in providers plus those listed in {@code META-INF/services/<service>} on a class loader.
   *
   * @param service the service interface
   * @param builtIns the SDK's own providers
   * @param classLoader where to look
   * @param name a provider's name
   * @param <T> the service type
   * @return the providers, sorted by name then class
   * @throws ClusterStacksException when a listed provider cannot be loaded (the message names it)
   */
  public static <T> List<T> discover(Class<T> service, List<? extends T> builtIns, ClassLoader classLoader,
      Function<? super T, String> name) {
    Map<String, T> byClass = new LinkedHashMap<>();
    for (T p : builtIns) {
      byClass.put(p.getClass().getName(), p);
    }
    try {
      for (T p : ServiceLoader.load(service, classLoader)) {
        byClass.putIfAbsent(p.getClass().getName(), p);
      }
    } catch (ServiceConfigurationError e) {
      throw new ClusterStacksException("META-INF/services/" + service.getName() + ": a listed provider could not"
          + " be loaded (" + e.getMessage() + "); fix or remove the entry", e);
    }
    List<T> out = new ArrayList<>(byClass.values());
    out.sort(Comparator.comparing((T p) -> name.apply(p)).thenComparing(p -> p.getClass().getName()));
    return out;
  }

  /** What {@link #choose} found. */
  public sealed interface Choice<T> {}

  /**
   * Exactly one provider.
   *
   * @param provider the provider
   * @param <T> the service type
   */
  public record One<T>(T provider) implements Choice<T> {}

  /**
   * No provider has the name.
   *
   * @param known every provider as {@code name (class)}
   * @param <T> the service type
   */
  public record None<T>(List<String> known) implements Choice<T> {}

  /**
   * Two or more providers share the name.
   *
   * @param candidates their class names, sorted
   * @param <T> the service type
   */
  public record Several<T>(List<String> candidates) implements Choice<T> {}

  /**
   * Chooses a provider by its class name (which wins) or by its name.
   *
   * @param all the providers
   * @param nameOrClass a name or a provider class name
   * @param name a provider's name
   * @param <T> the service type
   * @return the choice
   */
  public static <T> Choice<T> choose(List<T> all, String nameOrClass, Function<? super T, String> name) {
    for (T p : all) {
      if (p.getClass().getName().equals(nameOrClass)) {
        return new One<>(p);
      }
    }
    List<T> matches = all.stream().filter(p -> name.apply(p).equals(nameOrClass)).toList();
    if (matches.isEmpty()) {
      return new None<>(all.stream().map(p -> name.apply(p) + " (" + p.getClass().getName() + ")").toList());
    }
    if (matches.size() > 1) {
      return new Several<>(matches.stream().map(p -> p.getClass().getName()).sorted().toList());
    }
    return new One<>(matches.get(0));
  }
}
