package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.internal.IssuerAccess;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which classes a cold JVM loads on its way to the first PUT URL: each scenario runs in a fresh
 * class loader over the test class path, which then says which classes it loaded. The attribute
 * classes stay unloaded when the policy sets none, the S3 client's and the SDK's HTTP and auth
 * types when no client is built, the issuer's internal accessor when nothing asks for it, and the
 * parser's holder of unusual content types when the policy names its types as kept. Every class
 * loaded costs a fresh JVM a fraction of a millisecond (README, Performance); this checks what is
 * loaded, not how long it takes.
 */
class FirstUrlClassesTest {
  private static final List<String> OFF_THE_FIRST_URL_PATH =
      List.of(
          "dev.presign.ObjectAttributes",
          "dev.presign.ObjectAttributes$Builder",
          "dev.presign.internal.attributes.AttributeRules",
          "dev.presign.internal.attributes.AttributeHeaders",
          "dev.presign.internal.connection.S3Clients",
          "dev.presign.internal.IssuerAccess",
          "dev.presign.IssuerAccessImpl",
          "dev.presign.internal.policy.Syntax$Parsed",
          "software.amazon.awssdk.services.s3.S3Client",
          "software.amazon.awssdk.http.SdkHttpClient$Builder",
          "software.amazon.awssdk.http.auth.spi.scheme.AuthScheme");

  @Test
  void firstPutUrl_withoutAttributes_loadsNoneOfTheClassesItDoesNotNeed() throws Exception {
    try (Isolated loader = new Isolated()) {
      loader.run(FirstPut.class);

      assertThat(loader.loaded("dev.presign.PresignedUpload")).isTrue();
      assertThat(OFF_THE_FIRST_URL_PATH).filteredOn(loader::loaded).isEmpty();
    }
  }

  @Test
  void firstPutUrl_withAttributes_loadsTheAttributeClasses() throws Exception {
    try (Isolated loader = new Isolated()) {
      loader.run(FirstPutWithAttributes.class);

      assertThat(loader.loaded("dev.presign.ObjectAttributes")).isTrue();
      assertThat(loader.loaded("dev.presign.internal.attributes.AttributeHeaders")).isTrue();
      assertThat(loader.loaded("dev.presign.internal.connection.S3Clients")).isFalse();
    }
  }

  @Test
  void s3Client_builtFromTheIssuer_loadsTheClientClassesAndTheAccessor() throws Exception {
    try (Isolated loader = new Isolated()) {
      loader.run(ClientFromIssuer.class);

      assertThat(loader.loaded("dev.presign.IssuerAccessImpl")).isTrue();
      assertThat(loader.loaded("dev.presign.internal.connection.S3Clients")).isTrue();
      assertThat(loader.loaded("software.amazon.awssdk.services.s3.S3Client")).isTrue();
    }
  }

  /** A policy without attributes, an issuer with the default key strategy, one PUT URL. */
  public static final class FirstPut implements Runnable {
    @Override
    public void run() {
      PresignedUpload upload =
          issuer(PresignPolicy.builder().allowContentTypes("image/png").build())
              .issueUpload(UploadRequest.of("cat.png", "image/png", 12_345));
      if (!upload.url().startsWith("https://my-bucket.s3.eu-west-1.amazonaws.com/")) {
        throw new IllegalStateException("unexpected URL host");
      }
    }
  }

  /** The same with a storage class. */
  public static final class FirstPutWithAttributes implements Runnable {
    @Override
    public void run() {
      PresignPolicy policy =
          PresignPolicy.builder()
              .allowContentTypes("image/png")
              .attributes(ObjectAttributes.builder().storageClass("STANDARD_IA").build())
              .build();
      PresignedUpload upload =
          issuer(policy).issueUpload(UploadRequest.of("cat.png", "image/png", 12_345));
      if (!upload.headers().containsKey("x-amz-storage-class")) {
        throw new IllegalStateException("storage class not signed");
      }
    }
  }

  /** An S3 client from the issuer's connection, as multipart and verification make one. */
  public static final class ClientFromIssuer implements Runnable {
    @Override
    public void run() {
      UploadUrlIssuer issuer = issuer(PresignPolicy.builder().allowContentTypes("*/*").build());
      try (S3Client client = IssuerAccess.get().connection(issuer).newS3Client(null)) {
        if (!client.serviceName().equals("s3")) {
          throw new IllegalStateException("not an S3 client");
        }
      }
    }
  }

  static UploadUrlIssuer issuer(PresignPolicy policy) {
    return UploadUrlIssuer.builder()
        .bucket("my-bucket")
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAEXAMPLE", "secret-key-never-shown")))
        .policy(policy)
        .build();
  }

  /** A class loader of its own over the test class path, below the platform loader. */
  private static final class Isolated extends URLClassLoader {
    Isolated() throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    void run(Class<? extends Runnable> scenario) throws ReflectiveOperationException {
      ((Runnable) Class.forName(scenario.getName(), true, this).getConstructor().newInstance())
          .run();
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      return urls.toArray(new URL[0]);
    }
  }
}
