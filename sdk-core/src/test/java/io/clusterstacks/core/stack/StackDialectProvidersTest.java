package io.clusterstacks.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.sample.HostedDialectProvider;
import io.clusterstacks.core.stack.sample.RivalHostedDialectProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stack dialects as an opening: another module registers a {@link StackDialectProvider} through
 * {@code META-INF/services}; the test module registers {@link HostedDialectProvider} that way.
 */
class StackDialectProvidersTest {
  private static final ClusterClassName HOSTED_CLASS = ClusterClassName.parse("openstack-hosted-1-33-v1");

  @Test
  void aRegisteredProviderIsFoundAfterTheBuiltInOne() {
    List<StackDialectProvider> providers = StackDialects.providers();
    assertEquals("built-in", providers.get(0).name());
    assertTrue(providers.stream().anyMatch(p -> p instanceof HostedDialectProvider), providers.toString());
    assertEquals(StackDialects.builtIns(), StackDialects.all().subList(0, StackDialects.builtIns().size()));
    assertTrue(StackDialects.all().contains(HostedDialectProvider.HOSTED));
  }

  @Test
  void aRegisteredDialectAnswersForItsClassesAndById() {
    assertSame(HostedDialectProvider.HOSTED, StackDialects.forClass(HOSTED_CLASS).orElseThrow());
    assertSame(HostedDialectProvider.HOSTED, StackDialects.byId("hosted"));
    assertSame(HostedDialectProvider.HOSTED, StackDialects.byId(HostedDialectProvider.class.getName() + ":hosted"));
    // the built-in classes are still answered by the built-in dialects alone
    assertEquals("scs2", StackDialects.forClass(ClusterClassName.parse("openstack-scs2-1-33-v4")).orElseThrow().id());
  }

  @Test
  void aClusterSpecOfARegisteredClassGetsItsDialect() {
    ClusterSpec s = ClusterSpec.builder().name("c1").className(HOSTED_CLASS).kubernetesVersion("v1.33.3").mode(OutputMode.TOPOLOGY).build();
    assertSame(HostedDialectProvider.HOSTED, s.dialect().orElseThrow());
  }

  @Test
  void twoProvidersOfOneIdAreAnErrorNamingBoth(@TempDir Path dir) throws IOException {
    try (URLClassLoader both = loaderListing(dir, HostedDialectProvider.class, RivalHostedDialectProvider.class)) {
      AmbiguousStackDialectException byId =
          assertThrows(AmbiguousStackDialectException.class, () -> StackDialects.byId("hosted", both));
      List<String> expected = List.of(HostedDialectProvider.class.getName(), RivalHostedDialectProvider.class.getName());
      assertEquals(expected, byId.candidates());
      assertTrue(byId.getMessage().contains(expected.get(0)) && byId.getMessage().contains(expected.get(1)),
          byId.getMessage());
      AmbiguousStackDialectException forClass =
          assertThrows(AmbiguousStackDialectException.class, () -> StackDialects.forClass(HOSTED_CLASS, both));
      assertEquals(expected, forClass.candidates());
      // the explicit choice wins
      assertSame(HostedDialectProvider.HOSTED,
          StackDialects.byId(RivalHostedDialectProvider.class.getName() + ":hosted", both));
    }
  }

  @Test
  void anExplicitDialectWinsOverAmbiguousProviders(@TempDir Path dir) throws IOException {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader both = loaderListing(dir, HostedDialectProvider.class, RivalHostedDialectProvider.class)) {
      Thread.currentThread().setContextClassLoader(both);
      assertThrows(AmbiguousStackDialectException.class,
          () -> ClusterSpec.builder().name("c1").className(HOSTED_CLASS).kubernetesVersion("v1.33.3").mode(OutputMode.TOPOLOGY).build());
      ClusterSpec s = ClusterSpec.builder().name("c1").className(HOSTED_CLASS).kubernetesVersion("v1.33.3").mode(OutputMode.TOPOLOGY)
          .dialect(HostedDialectProvider.HOSTED).build();
      assertSame(HostedDialectProvider.HOSTED, s.dialect().orElseThrow());
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  @Test
  void anUnknownIdListsTheRegisteredOnes() {
    StackException e = assertThrows(StackException.class, () -> StackDialects.byId("nope"));
    assertTrue(e.getMessage().contains(HostedDialectProvider.class.getName() + ":hosted"), e.getMessage());
    assertTrue(e.getMessage().contains("scs2@1-33-v1"), e.getMessage());
  }

  /** A class loader whose only services file lists the given providers (classes come from the parent). */
  private static URLClassLoader loaderListing(Path dir, Class<?>... providers) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    StringBuilder sb = new StringBuilder();
    for (Class<?> c : providers) {
      sb.append(c.getName()).append('\n');
    }
    Files.writeString(services.resolve(StackDialectProvider.class.getName()), sb.toString());
    // a parent that sees the classes but not the test module's own services file
    ClassLoader parent = new ClassLoader(StackDialectProvidersTest.class.getClassLoader()) {
      @Override
      public URL getResource(String name) {
        return name.startsWith("META-INF/services/") ? null : super.getResource(name);
      }

      @Override
      public java.util.Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith("META-INF/services/") ? java.util.Collections.emptyEnumeration() : super.getResources(name);
      }
    };
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, parent);
  }
}
