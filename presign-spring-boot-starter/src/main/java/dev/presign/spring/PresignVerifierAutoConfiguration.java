package dev.presign.spring;

import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.spring.internal.SecretKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@link UploadVerifier} bean when {@code presign.verifier.ticket-key} is set and there
 * is an {@link UploadUrlIssuer} (presign's or the application's). A key that is not base64 of at
 * least 32 bytes stops the start-up with a message naming the property.
 */
@AutoConfiguration(after = PresignAutoConfiguration.class)
@ConditionalOnProperty(prefix = "presign.verifier", name = "ticket-key")
public class PresignVerifierAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public PresignVerifierAutoConfiguration() {}

  /**
   * The verifier; Spring closes it with the context.
   *
   * @param issuer the issuer
   * @param properties the {@code presign.*} properties
   * @return the thread-safe verifier
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(UploadUrlIssuer.class)
  public UploadVerifier presignUploadVerifier(
      UploadUrlIssuer issuer, PresignProperties properties) {
    PresignProperties.Verifier v = properties.getVerifier();
    UploadVerifier.Builder b =
        UploadVerifier.builder()
            .issuer(issuer)
            .ticketKey(SecretKeys.decode("presign.verifier.ticket-key", v.getTicketKey()));
    if (v.getTicketTtl() != null) {
      b.ticketTtl(v.getTicketTtl());
    }
    switch (v.getAction()) {
      case QUARANTINE ->
          b.quarantineFailed(
              v.getQuarantinePrefix() == null ? "quarantine/" : v.getQuarantinePrefix());
      case DELETE -> b.deleteFailed();
      case KEEP -> b.keepFailed();
    }
    if (v.getCheckContent() != null) {
      b.checkContent(v.getCheckContent());
    }
    return b.build();
  }
}
