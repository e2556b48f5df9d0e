package dev.presign.examples.spring;

import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.VerifiableUpload;
import dev.presign.Verification;
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

  @PostMapping(
      "/uploads") // {"upload":{"method","url","headers","contentLength","key","expiresAt"},"ticket"}
  VerifiableUpload upload(
      @RequestParam String fileName, @RequestParam String contentType, @RequestParam long size) {
    return verifier.issue(UploadRequest.of(fileName, contentType, size));
  }

  @PostMapping("/uploads/confirm")
  Verification confirm(@RequestParam String ticket) {
    return verifier.verify(ticket);
  }

  @GetMapping("/downloads")
  ResponseEntity<Void> download(
      @RequestParam String key) { // check the caller may read this key first
    if (!verifier.exists(key)) {
      return ResponseEntity.notFound().build(); // yours, not S3's XML error after the redirect
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(issuer.issueDownload(key).uri())
        .build();
  }
}
// README:end
