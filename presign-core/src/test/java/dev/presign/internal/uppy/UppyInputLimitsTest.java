package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.UploadedPart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What Uppy sends, read at the edges of each limit: body size, sizes, parts, ETags, numbers. */
class UppyInputLimitsTest {

  @Test
  void jsonBody_ofExactlyTheLargestSize_isRead() {
    byte[] body = ("{}" + " ".repeat(UppyInput.MAX_BODY - 2)).getBytes(StandardCharsets.UTF_8);

    assertThat(UppyInput.jsonBody("application/json", body)).isEqualTo(Map.of());
  }

  @Test
  void jsonBody_oneByteOverTheLargestSize_isRefusedWith413() {
    byte[] body = ("{}" + " ".repeat(UppyInput.MAX_BODY - 1)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> UppyInput.jsonBody("application/json", body))
        .isInstanceOf(UppyError.class)
        .hasMessageContaining("at most 1048576 bytes: 1048577")
        .extracting(e -> ((UppyError) e).status())
        .isEqualTo(413);
  }

  @Test
  void declaredSize_zero_isADeclaredEmptyFile() {
    assertThat(UppyInput.declaredSize(body("{\"metadata\":{\"size\":0}}"))).hasValue(0);
  }

  @Test
  void declaredSize_negative_isRefused() {
    assertThatThrownBy(() -> UppyInput.declaredSize(body("{\"metadata\":{\"size\":-1}}")))
        .isInstanceOf(UppyError.class)
        .hasMessageContaining("metadata.size must be a whole number of bytes: \"-1\"");
  }

  @Test
  void parts_exactlyTenThousand_areRead() {
    StringBuilder json = new StringBuilder("{\"parts\":[");
    for (int i = 1; i <= 10_000; i++) {
      json.append(i == 1 ? "" : ",")
          .append("{\"PartNumber\":")
          .append(i)
          .append(",\"ETag\":\"e\"}");
    }

    assertThat(UppyInput.parts(body(json.append("]}").toString()))).hasSize(10_000);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "256, 10000"})
  void parts_etagOfTheLongestLengthAndTheEdgePartNumbers_areRead(int etagLength, int number) {
    String etag = "e".repeat(etagLength);

    assertThat(
            UppyInput.parts(
                body("{\"parts\":[{\"PartNumber\":" + number + ",\"ETag\":\"" + etag + "\"}]}")))
        .containsExactly(UploadedPart.of(number, etag));
  }

  @Test
  void parts_etagOverTheLongestLength_isRefused() {
    String json = "{\"parts\":[{\"PartNumber\":1,\"ETag\":\"" + "e".repeat(257) + "\"}]}";

    assertThatThrownBy(() -> UppyInput.parts(body(json)))
        .isInstanceOf(UppyError.class)
        .hasMessageContaining("an ETag must be 1 to 256 characters: 257");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10_001})
  void parts_partNumberOutsideTheRange_isRefused(int number) {
    String json = "{\"parts\":[{\"PartNumber\":" + number + ",\"ETag\":\"e\"}]}";

    assertThatThrownBy(() -> UppyInput.parts(body(json)))
        .isInstanceOf(UppyError.class)
        .hasMessageContaining("a part number must be between 1 and 10000: " + number);
  }

  @Test
  void partNumber_edgesRead_nextOneRefused() {
    assertThat(UppyRoute.partNumber("1")).isEqualTo(1);
    assertThat(UppyRoute.partNumber("10000")).isEqualTo(10_000);
    assertThatThrownBy(() -> UppyRoute.partNumber("10001"))
        .isInstanceOf(UppyError.class)
        .hasMessageContaining("a part number must be between 1 and 10000: \"10001\"");
  }

  @ParameterizedTest
  @EnumSource(UppyRoute.Kind.class)
  void hasSession_isTrueForTheRoutesUnderAnUploadId(UppyRoute.Kind kind) {
    boolean underAnId = kind != UppyRoute.Kind.PARAMS && kind != UppyRoute.Kind.CREATE;

    assertThat(kind.hasSession()).isEqualTo(underAnId);
  }

  private static Map<String, Object> body(String json) {
    return UppyInput.object(
        UppyInput.jsonBody("application/json", json.getBytes(StandardCharsets.UTF_8)), "the body");
  }
}
