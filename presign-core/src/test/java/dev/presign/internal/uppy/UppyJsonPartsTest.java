package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.UploadedPart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The part list Companion's client reads when it resumes an upload. */
class UppyJsonPartsTest {

  @Test
  void parts_ofSeveralParts_isAnArrayOfThemInOrder() {
    assertThat(
            UppyJson.parts(
                List.of(new UploadedPart(1, "\"e1\"", 5_242_880), new UploadedPart(2, "e2", 7))))
        .isEqualTo(
            "[{\"PartNumber\":1,\"ETag\":\"\\\"e1\\\"\",\"Size\":5242880},"
                + "{\"PartNumber\":2,\"ETag\":\"e2\",\"Size\":7}]");
  }

  @Test
  void parts_ofNone_isAnEmptyArray() {
    assertThat(UppyJson.parts(List.of())).isEqualTo("[]");
  }
}
