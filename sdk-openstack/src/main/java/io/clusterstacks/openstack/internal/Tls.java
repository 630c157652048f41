package io.clusterstacks.openstack.internal;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS trust for a custom CA file, or none at all when verification is off. */
public final class Tls {
  /** The SSL context and its trust manager. */
  public record Trust(SSLContext context, X509TrustManager trustManager) {}

  private Tls() {}

  /**
   * Trust exactly the certificates of a PEM file.
   *
   * @param pem the CA file
   * @return the trust
   */
  public static Trust fromCaFile(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new InvalidInputException(List.of(Problem.of("cacert", pem.toString(),
            "the file holds no PEM certificate; give the CA bundle that signed the cloud's endpoints")));
      }
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        ks.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return new Trust(ctx, tm);
    } catch (InvalidInputException e) {
      throw e;
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new InvalidInputException(List.of(Problem.of("cacert", pem.toString(),
          "could not read the CA file (" + e.getClass().getSimpleName() + "); give a readable PEM file")), e);
    }
  }

  /**
   * Trust any certificate (clouds.yaml {@code verify: false}); for test clouds only.
   *
   * @return the trust
   */
  public static Trust trustAll() {
    X509TrustManager tm = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return new Trust(ctx, tm);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }
}
