package dev.presign.spring;

import dev.presign.UploadUrlIssuer;
import dev.presign.setup.SelfTest;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health from {@link SelfTest}: on every check a tiny PUT, GET and DELETE under {@code
 * presign-self-test/} with the issuer's real credentials. UP when all three work; DOWN otherwise,
 * with each step's HTTP status and S3's error code (never a signed URL). Opt-in ({@code
 * presign.health.enabled=true}) because it writes to the bucket. Thread-safe.
 */
public class PresignHealthIndicator extends AbstractHealthIndicator {
  private final UploadUrlIssuer issuer;

  /**
   * Creates the indicator.
   *
   * @param issuer the issuer whose bucket and credentials to check
   */
  public PresignHealthIndicator(UploadUrlIssuer issuer) {
    super("presign self-test failed");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SelfTest.Report report = SelfTest.run(issuer);
    builder.withDetail("bucket", issuer.bucket());
    for (SelfTest.Step step : report.steps()) {
      builder.withDetail(step.name(), step.detail());
    }
    if (report.passed()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
