package dev.presign.examples.spring;

import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.Verification;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// README:start
@RestController
class UploadController {
  private final UploadUrlIssuer issuer;
  private final UploadVerifier verifier;

  UploadController(UploadUrlIssuer issuer, UploadVerifier verifier) {
    this.issuer = issuer;
    this.verifier = verifier;
  }

  @PostMapping("/uploads")
  Map<String, Object> upload(@RequestParam String fileName, @RequestParam String contentType, @RequestParam long size) {
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of(fileName, contentType, size));
    return Map.of("upload", upload, "ticket", verifier.ticket(upload));
  }

  @PostMapping("/uploads/confirm")
  Verification confirm(@RequestParam String ticket) {
    return verifier.verify(ticket);
  }

  @GetMapping("/downloads")
  ResponseEntity<Void> download(@RequestParam String key) {   // check the caller may read this key first
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(issuer.issueDownload(key).uri()).build();
  }
}
// README:end
