package dev.presign.spring.webtest;

import dev.presign.PresignException;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web app with an upload endpoint on the starter, as a user writes it: no wiring, no exception
 * mapping.
 */
@SpringBootApplication
public class UploadApp {

  @RestController
  static class Uploads {
    private final UploadUrlIssuer issuer;

    Uploads(UploadUrlIssuer issuer) {
      this.issuer = issuer;
    }

    @PostMapping("/uploads")
    PresignedUpload upload(
        @RequestParam String fileName, @RequestParam String contentType, @RequestParam long size) {
      return issuer.issueUpload(UploadRequest.of(fileName, contentType, size));
    }

    // Stands for any call that fails in the backend, to see the status each kind gets on the wire.
    @PostMapping("/fail")
    String fail(@RequestParam PresignException.Kind kind) {
      throw new PresignException(kind, "internal detail for the log only");
    }
  }
}
