package dev.presign.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs on the module path: presign's module-info must let a named module use the API, and only it.
 */
class ModularAppTest {

  @Test
  void issue_fromANamedModule_works() {
    assertThat(ModularApp.class.getModule().isNamed()).isTrue();
    assertThat(ModularApp.issue().uri().getHost())
        .isEqualTo("modular-bucket.s3.eu-west-1.amazonaws.com");
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
    assertThat(presign.isExported("dev.presign.setup")).isTrue();
    assertThat(presign.isExported("dev.presign.internal")).isFalse();
    assertThat(presign.isExported("dev.presign.internal.signing")).isFalse();
    assertThat(presign.getPackages())
        .contains("dev.presign.internal", "dev.presign.internal.signing");
  }

  @Test
  void setupPackage_fromANamedModule_works() {
    assertThat(ModularApp.corsRuleExposedHeaders()).containsExactly("ETag", "x-amz-version-id");
  }

  @Test
  void javaNetHttp_isAStaticDependencyOfPresign() {
    ModuleDescriptor presign = dev.presign.UploadUrlIssuer.class.getModule().getDescriptor();

    ModuleDescriptor.Requires http =
        presign.requires().stream()
            .filter(r -> r.name().equals("java.net.http"))
            .findFirst()
            .orElseThrow();

    assertThat(http.modifiers()).containsExactlyInAnyOrder(Modifier.STATIC, Modifier.TRANSITIVE);
  }

  // The JVM running the tests resolves every system module (the test runner is on the class path),
  // so the graph an application really gets is only seen in a JVM started with -m, as an
  // application is.

  @Test
  void issue_inAnApplicationsOwnModuleGraph_needsNoJavaNetHttp() throws Exception {
    assertThat(runModularApp(List.of(), "issue"))
        .isEqualTo(
            "issued for modular-bucket.s3.eu-west-1.amazonaws.com; java.net.http in the module graph: false");
  }

  @Test
  void selfTest_withoutJavaNetHttpInTheModuleGraph_isRefusedSayingWhatToAdd() throws Exception {
    assertThat(runModularApp(List.of(), "self-test"))
        .startsWith(
            "self-test refused: SelfTest sends its requests with java.net.http, which is not in the module"
                + " graph: add 'requires java.net.http;' to your module-info, or start with --add-modules java.net.http")
        .endsWith("; java.net.http in the module graph: false");
  }

  @Test
  void selfTest_withJavaNetHttpAdded_sendsItsPut() throws Exception {
    assertThat(runModularApp(List.of("--add-modules", "java.net.http"), "self-test"))
        .isEqualTo(
            "self-test ran: [Step[name=PUT, passed=false, detail=could not reach the store: ConnectException]];"
                + " java.net.http in the module graph: true");
  }

  /**
   * Starts {@code java -p <this module and its dependencies> -m dev.presign.check/...ModularApp
   * arg} and returns the last line it printed (slf4j, bound to nothing, warns on stderr first).
   */
  private static String runModularApp(List<String> options, String arg)
      throws IOException, InterruptedException {
    // This module's classes and its runtime dependencies, as maven-dependency-plugin wrote them.
    String modulePath =
        Path.of("target", "classes").toAbsolutePath()
            + File.pathSeparator
            + Files.readString(Path.of("target", "runtime-module-path.txt")).strip();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(
        List.of("-p", modulePath, "-m", "dev.presign.check/dev.presign.check.ModularApp", arg));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.substring(out.lastIndexOf('\n') + 1);
  }
}
