package dev.presign.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs on the module path: presign's module-info must let a named module use the API, and only it. */
class ModularAppTest {

  @Test
  void issue_fromANamedModule_works() {
    assertThat(ModularApp.class.getModule().isNamed()).isTrue();
    assertThat(ModularApp.issue().uri().getHost()).isEqualTo("modular-bucket.s3.eu-west-1.amazonaws.com");
  }

  @Test
  void multipartUploads_fromANamedModule_buildTheirS3ClientWithTheDefaultHttpClient() {
    assertThat(ModularApp.buildMultipartUploads()).isEqualTo("dev.presign.MultipartUploads");
  }

  @Test
  void internals_areNotExportedToConsumers() {
    Module presign = dev.presign.UploadUrlIssuer.class.getModule();

    assertThat(presign.getName()).isEqualTo("dev.presign");
    assertThat(presign.isExported("dev.presign")).isTrue();
    assertThat(presign.isExported("dev.presign.internal.signing")).isFalse();
    assertThat(presign.getPackages()).contains("dev.presign.internal.signing");
  }
}
