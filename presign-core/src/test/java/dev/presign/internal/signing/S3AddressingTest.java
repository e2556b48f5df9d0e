package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

class S3AddressingTest {

  @Test
  void dnsSuffix_everyRegionTheSdkKnows_matchesItsPartition() {
    assertThat(Region.regions()).hasSizeGreaterThan(30);
    for (Region region : Region.regions()) {
      if (region.isGlobalRegion()) {
        continue;
      }
      assertThat(S3Addressing.dnsSuffix(region.id()))
          .as(region.id())
          .isEqualTo(PartitionMetadata.of(region).dnsSuffix());
    }
  }

  @Test
  void dnsSuffix_unknownRegion_isTheAwsPartitions() {
    assertThat(S3Addressing.dnsSuffix("xx-future-9"))
        .isEqualTo(PartitionMetadata.of(Region.of("xx-future-9")).dnsSuffix());
  }
}
