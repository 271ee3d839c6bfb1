package dev.orgerasure.keycloak.ranges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LocalRangesTest {

  @Test
  void everyRangeOfTheUserIdsIsWorkedOnceOnThisNode() {
    List<UserIdRange> worked = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();

    new LocalRanges("local-ranges-test", 4, Duration.ofSeconds(1), () -> {})
        .run(
            range -> {
              worked.add(range);
              threads.add(Thread.currentThread().getName());
            });

    assertEquals(4, worked.size());
    assertEquals(new HashSet<>(UserIdRange.split(4)), new HashSet<>(worked));
    assertTrue(
        threads.stream().allMatch(name -> name.startsWith("local-ranges-test-")),
        threads.toString());
  }
}
