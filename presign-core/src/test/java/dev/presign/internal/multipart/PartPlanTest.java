package dev.presign.internal.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartPlanTest {
  private static final long MIB = 1024 * 1024;
  private static final long GIB = 1024 * MIB;
  private static final long TIB = 1024 * GIB;

  @ParameterizedTest
  @CsvSource({
    // total,            preferred, part size,  parts, last part
    "0,                   5242880,   5242880,    1,     0",
    "1,                   5242880,   5242880,    1,     1",
    "5242879,             5242880,   5242880,    1,     5242879",
    "5242880,             5242880,   5242880,    1,     5242880",
    "5242881,             5242880,   5242880,    2,     1",
    "16777216,            16777216,  16777216,   1,     16777216",
    "5368709120,          16777216,  16777216,   320,   16777216",
    "52428800000,         5242880,   5242880,    10000, 5242880",
    "52428800001,         5242880,   6291456,    8334,  2097153",
    "5497558138880,       16777216,  550502400,  9987,  241172480",
  })
  void of_edges_planWithinS3Limits(
      long total, long preferred, long partSize, int parts, long last) {
    PartPlan plan = PartPlan.of(total, preferred);

    assertThat(plan.partSize()).isEqualTo(partSize);
    assertThat(plan.partCount()).isEqualTo(parts).isBetween(1, PartPlan.MAX_PARTS);
    assertThat(plan.sizeOf(parts)).isEqualTo(last);
    assertThat(plan.partSize()).isBetween(PartPlan.MIN_PART_SIZE, PartPlan.MAX_PART_SIZE);
    assertThat(plan.partSize() * (parts - 1) + plan.sizeOf(parts)).isEqualTo(total);
  }

  @Test
  void of_exactlyFiveGib_isOnePartAtMostFiveGib() {
    PartPlan plan = PartPlan.of(5 * GIB, 5 * GIB);

    assertThat(plan.partCount()).isEqualTo(1);
    assertThat(plan.sizeOf(1)).isEqualTo(5 * GIB);
  }

  @Test
  void of_fiveTib_fitsInTenThousandParts() {
    PartPlan plan = PartPlan.of(5 * TIB, 5 * MIB);

    assertThat(plan.partCount()).isLessThanOrEqualTo(10_000);
    assertThat(plan.partSize()).isLessThanOrEqualTo(PartPlan.MAX_PART_SIZE);
  }

  @Test
  void of_overFiveTib_isRefused() {
    assertThatThrownBy(() -> PartPlan.of(5 * TIB + 1, 5 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("totalSize must be between 0 and 5 TiB: 5497558138881");
  }

  @Test
  void constructor_inconsistentPlan_isRefused() {
    assertThatThrownBy(() -> new PartPlan(100 * MIB, 5 * MIB, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("partCount must be");
    assertThatThrownBy(() -> new PartPlan(100 * MIB, 4 * MIB, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("partSize must be");
    assertThatThrownBy(() -> PartPlan.of(10 * MIB, 5 * MIB).sizeOf(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partNumber must be between 1 and 2: 3");
  }
}
