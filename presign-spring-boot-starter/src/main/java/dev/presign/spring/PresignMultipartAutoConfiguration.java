package dev.presign.spring;

import dev.presign.MultipartUploads;
import dev.presign.UploadUrlIssuer;
import dev.presign.spring.internal.SecretKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@link MultipartUploads} bean when {@code presign.multipart.session-key} is set and
 * there is an {@link UploadUrlIssuer} (presign's or the application's). A key that is not base64 of
 * at least 32 bytes stops the start-up with a message naming the property.
 */
@AutoConfiguration(after = PresignAutoConfiguration.class)
@ConditionalOnProperty(prefix = "presign.multipart", name = "session-key")
public class PresignMultipartAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public PresignMultipartAutoConfiguration() {}

  /**
   * The multipart service; Spring closes it with the context.
   *
   * @param issuer the issuer
   * @param properties the {@code presign.*} properties
   * @return the thread-safe service
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(UploadUrlIssuer.class)
  public MultipartUploads presignMultipartUploads(
      UploadUrlIssuer issuer, PresignProperties properties) {
    PresignProperties.Multipart m = properties.getMultipart();
    MultipartUploads.Builder b =
        MultipartUploads.builder()
            .issuer(issuer)
            .sessionKey(SecretKeys.decode("presign.multipart.session-key", m.getSessionKey()));
    if (m.getPartSize() != null) {
      b.partSize(m.getPartSize().toBytes());
    }
    if (m.getSessionTtl() != null) {
      b.sessionTtl(m.getSessionTtl());
    }
    if (m.getThreshold() != null) {
      b.multipartThreshold(m.getThreshold().toBytes());
    }
    return b.build();
  }
}
