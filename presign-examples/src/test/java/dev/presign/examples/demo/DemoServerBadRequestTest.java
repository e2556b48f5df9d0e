package dev.presign.examples.demo;

import static dev.presign.examples.demo.DemoServerTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad request a client can send gets the demo's JSON error, never a server's own HTML page:
 * malformed request targets, request lines and headers, sent over a raw socket because
 * java.net.http refuses to send them. The answer echoes nothing of the request that a browser or a
 * terminal could act on.
 */
class DemoServerBadRequestTest {
  @RegisterExtension static final RunningDemo demo = new RunningDemo();

  // {CRLF} ends a line; {HOST} is a valid Host header line. A row's statuses: the ones HTTP names
  // for that fault.
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "target ?%                     | GET /?% HTTP/1.1{CRLF}{HOST}                                         | 400",
        "target %zz                    | GET /%zz HTTP/1.1{CRLF}{HOST}                                        | 400",
        "target %0                     | GET /%0 HTTP/1.1{CRLF}{HOST}                                         | 400",
        "target %00                    | GET /%00 HTTP/1.1{CRLF}{HOST}                                        | 400 404",
        "target %zz in the query       | GET /download-url?key=%zz HTTP/1.1{CRLF}{HOST}                       | 400",
        "token %zz                     | GET /download-url?token=%zz HTTP/1.1{CRLF}{HOST}                     | 400",
        "NUL in a query value          | GET /generate-presigned-url?fileName=a.png&fileType=%00 HTTP/1.1{CRLF}{HOST} | 400",
        "query %zz on the page         | GET /?a=%zz HTTP/1.1{CRLF}{HOST}                                     | 400",
        "target with markup            | GET /<script>alert(1)</script> HTTP/1.1{CRLF}{HOST}                  | 400 404",
        "target escaping the root      | GET /../../etc/passwd HTTP/1.1{CRLF}{HOST}                           | 400 404",
        "encoded dot segments          | GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1{CRLF}{HOST}                   | 400 404",
        "encoded slash                 | GET /download-url%2F..%2Fconfig HTTP/1.1{CRLF}{HOST}                 | 400 404",
        "backslash                     | GET /..\\..\\config HTTP/1.1{CRLF}{HOST}                             | 400 404",
        "space in the target           | GET /a b HTTP/1.1{CRLF}{HOST}                                        | 400 505",
        "over-long target              | GET /{LONG} HTTP/1.1{CRLF}{HOST}                                     | 414 431 400",
        "unknown version               | GET / HTTP/7.3{CRLF}{HOST}                                           | 400 505",
        "method with a bad character   | G<T / HTTP/1.1{CRLF}{HOST}                                           | 400",
        "no Host                       | GET /config HTTP/1.1{CRLF}                                           | 400",
        "two Hosts                     | GET /config HTTP/1.1{CRLF}Host: a.example{CRLF}Host: b.example{CRLF} | 400",
        "Host with a space             | GET /config HTTP/1.1{CRLF}Host: a b{CRLF}                            | 400",
        "Host with markup              | GET /config HTTP/1.1{CRLF}Host: <script>{CRLF}                       | 400",
        "Host with an open bracket     | GET /config HTTP/1.1{CRLF}Host: [::1{CRLF}                           | 400",
        "header without a colon        | GET /config HTTP/1.1{CRLF}{HOST}X-No-Colon{CRLF}                     | 400",
        "space before the colon        | GET /config HTTP/1.1{CRLF}{HOST}X-Spaced : 1{CRLF}                   | 400",
        "NUL in a header value         | GET /config HTTP/1.1{CRLF}{HOST}X-Nul: a{NUL}b{CRLF}                 | 400",
        "folded header                 | GET /config HTTP/1.1{CRLF}{HOST}X-Folded: a{CRLF} b{CRLF}            | 400",
        "headers too large             | GET /config HTTP/1.1{CRLF}{HOST}X-Big: {LONG}{CRLF}                  | 431 400",
        "Content-Length not a number   | POST /multipart/abort HTTP/1.1{CRLF}{HOST}Content-Length: abc{CRLF}  | 400",
        "Content-Length negative       | POST /multipart/abort HTTP/1.1{CRLF}{HOST}Content-Length: -1{CRLF}   | 400",
        "two Content-Lengths           | POST /multipart/abort HTTP/1.1{CRLF}{HOST}Content-Length: 1{CRLF}Content-Length: 2{CRLF} | 400",
        "Content-Length and chunked    | POST /multipart/abort HTTP/1.1{CRLF}{HOST}Content-Length: 3{CRLF}Transfer-Encoding: chunked{CRLF} | 400",
        "Transfer-Encoding not chunked | POST /multipart/abort HTTP/1.1{CRLF}{HOST}Transfer-Encoding: gzip{CRLF} | 400 501",
        "body over the limit           | POST /multipart/complete?token=x HTTP/1.1{CRLF}{HOST}Content-Length: 50000000{CRLF} | 413",
        "HTTP/0.9                      | GET /{CRLF}                                                          | 505",
        "HTTP/2 preface over HTTP/1    | PRI * HTTP/2.0{CRLF}{CRLF}SM{CRLF}                                   | 426",
        "absolute target, other host   | GET http://evil.example/config HTTP/1.1{CRLF}{HOST}                  | 400",
        "TRACE                         | TRACE / HTTP/1.1{CRLF}{HOST}                                         | 405",
        "unknown path                  | GET /no-such-page HTTP/1.1{CRLF}{HOST}                               | 404",
        "wrong method on a known path  | DELETE /config HTTP/1.1{CRLF}{HOST}                                  | 405",
        "unknown method                | BREW / HTTP/1.1{CRLF}{HOST}                                          | 405",
      })
  void badRequest_getsTheDemosJsonErrorAndEchoesNothingUnsafe(
      String name, String template, String statuses) throws Exception {
    String request =
        template
                .replace("{CRLF}", "\r\n")
                .replace("{HOST}", "Host: 127.0.0.1\r\n")
                .replace("{NUL}", "\0")
                .replace("{LONG}", "a".repeat(70_000))
            + "Connection: close\r\n\r\n";

    Response response = send(request.getBytes(StandardCharsets.ISO_8859_1));

    assertThat(statuses.split(" "))
        .as(response.toString())
        .contains(Integer.toString(response.status));
    assertThat(response.headers.get("content-type"))
        .as(response.toString())
        .isEqualTo("application/json; charset=utf-8");
    assertThat(response.headers.get("cache-control")).isEqualTo("no-store");
    assertJsonError(response);
    assertThat(response.headers.keySet()).doesNotContain("server", "x-slow", "x-nul", "x-big");
    assertThat(
            send(("GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII))
                .status)
        .as("the server keeps serving")
        .isEqualTo(200);
  }

  // A chunked body whose chunk size is not hexadecimal: the fault is found while the route reads
  // the body.
  @Test
  void badChunkedBody_getsTheDemosJsonError() throws Exception {
    Response response =
        send(
            ("POST /multipart/complete?token=x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n1:abc\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(response.status).as(response.toString()).isEqualTo(400);
    assertThat(response.headers.get("content-type")).isEqualTo("application/json; charset=utf-8");
    assertJsonError(response);
  }

  @Test
  void targetNotAUri_saysWhatIsWrongWithoutEchoingIt() throws Exception {
    Response response =
        send(
            "GET /%zz<b> HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(response.status).isEqualTo(400);
    assertThat(field(response.body, "error")).isEqualTo("BAD_REQUEST");
    assertThat(field(response.body, "reason"))
        .isNotEqualTo("Bad Request")
        .doesNotContain("%zz", "<b>");
  }

  @Test
  void wrongMethod_namesTheAllowedOnes() throws Exception {
    Response response =
        send(
            "PUT /generate-presigned-url HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(response.status).isEqualTo(405);
    assertThat(response.headers.get("allow")).isEqualTo("GET");
    assertThat(field(response.body, "error")).isEqualTo("METHOD_NOT_ALLOWED");
  }

  private static void assertJsonError(Response response) {
    String body = response.body;
    String string = "\"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\"";
    assertThat(body)
        .as(response.toString())
        .matches(
            "\\{\"error\":\"[A-Z_]+\",\"reason\":" + string + "(,\"message\":" + string + ")?}");
    assertThat(field(body, "reason")).isNotBlank().hasSizeLessThan(300);
    // Whatever the request carried is escaped: no markup, no raw control characters, no long echo.
    assertThat(body).doesNotContain("<", ">", "aaaaaaaaaa", "%zz");
    assertThat(body.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(body).isTrue();
  }

  private static Response send(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", demo.server().url().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (SocketException e) {
        // The server may answer and close before it has read an over-long request; read its answer
        // anyway.
      }
      return Response.read(socket.getInputStream());
    }
  }

  /** One HTTP/1.1 response, read up to its Content-Length. */
  private record Response(int status, Map<String, String> headers, String body) {
    static Response read(InputStream in) throws IOException {
      String statusLine = line(in);
      if (statusLine == null || statusLine.split(" ").length < 2) {
        throw new IOException("no HTTP response: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers.merge(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      String length = headers.get("content-length");
      byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n') {
          return line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
        }
        line.write(c);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
