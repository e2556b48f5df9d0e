package dev.presign.internal.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.DownloadRequest;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.signing.EncodedQuery;
import dev.presign.internal.signing.S3Addressing;
import dev.presign.internal.signing.SigV4Signer;
import dev.presign.internal.signing.SigningRequest;
import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * A download's query handed to the signer encoded and sorted ({@link ResponseOverrides#encoded})
 * signs the same URL, byte for byte, as the parameters {@link ResponseOverrides#of} gives signed
 * the general way, which the SDK differential checks against the SDK's own signer.
 */
class EncodedDownloadQueryTest {
  private static final String ALPHABET =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00e9\u212a";
  private static final AwsCredentialsIdentity KEYS =
      AwsBasicCredentials.create(
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private static final AwsCredentialsIdentity SESSION =
      AwsSessionCredentials.create(
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "to/ken+=");
  private static final SigV4Signer VIRTUAL =
      new SigV4Signer("eu-west-1", S3Addressing.of(Region.EU_WEST_1, null, false, "my-bucket"));
  private static final SigV4Signer PATH_STYLE =
      new SigV4Signer(
          "us-east-1",
          S3Addressing.of(
              Region.US_EAST_1, URI.create("http://localhost:9000"), true, "my-bucket"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uploads/2026/11/29/3f2c0a4e-8b9d-4c1e-9f7a-0123456789ab.png",
        "cat.png",
        "a/b/report.PDF",
        "page.html",
        "image.svg",
        "noext",
        "dir.d/noext",
        "a/.png",
        "a.",
        "a/b ",
        "a/ b.png",
        "x/50%.txt",
        "x/a;b=c.txt",
        "x/it's.gif",
        "x/a\"b.png",
        "dir\\b.gif",
        "caf\u00e9/x.png",
        "x/caf\u00e9.png",
        "r/a.tar.gz",
        "x/a.0123456789abcdefg",
        "x/a.JPG",
        "x/",
        "sp ace/na me.jpg",
        "x/a+b=c&d.webp"
      })
  void encoded_plainRequestForEachKey_signsWhatTheParametersSign(String key) {
    assertSameUrl(DownloadRequest.of(key), 300);
  }

  @Test
  void encoded_requestsWithEveryOption_signWhatTheParametersSign() {
    String key = "uploads/x/report.pdf";
    assertSameUrl(DownloadRequest.of(key).attachment("R\u00e9sum\u00e9 2026.pdf"), 60);
    assertSameUrl(DownloadRequest.of(key).inline("a.png").withContentType("image/png"), 60);
    assertSameUrl(DownloadRequest.of(key).withCacheControl("no-store"), 60);
    assertSameUrl(DownloadRequest.of(key).withVersionId("3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"), 60);
    assertSameUrl(DownloadRequest.of("uploads/page.html").allowingActiveContent(), 604_800);
  }

  @Test
  void encoded_extensionsOfOneLengthInTurn_eachSignsWhatTheParametersSign() {
    // The last known extension is compared in place: same length, other case, other characters.
    for (String key :
        new String[] {
          "a.png", "b.PNG", "c.p-g", "d.PnG", "e.gif", "f.pn", "g.png", "h.p_g", "i.svg", "j.SVG",
          "k.png", "l.pdf", "m.zzz", "n.png"
        }) {
      assertSameUrl(DownloadRequest.of("x/" + key), 300);
    }
  }

  @Test
  void encoded_randomKeysAndLifetimes_signWhatTheParametersSign() {
    Random random = new Random(15);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder key = new StringBuilder("k/");
      int length = 1 + random.nextInt(20);
      for (int j = 0; j < length; j++) {
        int pick = random.nextInt(10);
        key.append(
            pick < 5
                ? (char) ('a' + random.nextInt(26))
                : pick < 7
                    ? '.'
                    : pick < 8 ? '/' : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertSameUrl(DownloadRequest.of(key.toString()), 1 + random.nextInt(604_800));
    }
  }

  private static void assertSameUrl(DownloadRequest request, long seconds) {
    for (AwsCredentialsIdentity credentials : new AwsCredentialsIdentity[] {KEYS, SESSION}) {
      for (SigV4Signer signer : new SigV4Signer[] {VIRTUAL, PATH_STYLE}) {
        String general =
            signer.presign(
                new SigningRequest(
                    "GET",
                    "my-bucket",
                    request.key(),
                    HeaderMap.of(),
                    ResponseOverrides.of(request, seconds),
                    1_796_000_000L,
                    seconds,
                    credentials));
        EncodedQuery encoded = ResponseOverrides.encoded(request, seconds);
        String fast =
            signer.presign(
                new SigningRequest(
                    "GET",
                    "my-bucket",
                    request.key(),
                    HeaderMap.of(),
                    HeaderMap.of(),
                    1_796_000_000L,
                    seconds,
                    credentials),
                encoded);
        assertThat(fast).as(request.key()).isEqualTo(general);
      }
    }
  }
}
