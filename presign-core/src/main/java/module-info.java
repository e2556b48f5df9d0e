/**
 * presign-core: policy-checked, expiring pre-signed S3 upload and download URLs. Exports {@code
 * dev.presign} (request time) and {@code dev.presign.setup} (deploy time: bucket settings, the
 * self-test); everything under {@code dev.presign.internal} is implementation. {@code
 * java.net.http} is needed only by {@code dev.presign.setup.SelfTest}, so it is {@code static}: a
 * module that runs the self-test requires it itself; {@code transitive} because {@code
 * SelfTest.run} takes an {@code HttpClient}.
 */
module dev.presign {
  requires transitive software.amazon.awssdk.auth;
  requires transitive software.amazon.awssdk.regions;
  requires transitive software.amazon.awssdk.identity.spi;
  requires transitive software.amazon.awssdk.http;
  requires software.amazon.awssdk.http.urlconnection;
  requires transitive software.amazon.awssdk.services.s3;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.http.auth.aws;
  requires software.amazon.awssdk.http.auth.spi;
  requires org.slf4j;
  // The null contract (@NullMarked, @Nullable): needed to compile presign, optional for its users.
  // Not transitive, which would make every named-module user compile with JSpecify; so javac's
  // exports lint warns where @Nullable appears in the API, and those elements say
  // @SuppressWarnings("exports").
  requires static org.jspecify;
  requires static transitive java.net.http;

  exports dev.presign;
  exports dev.presign.setup;
}
