package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.web.NotFoundException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentInstancesTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> reads = new ArrayList<>();
    private String token = "first-token";

    private final RecentInstances recent = new RecentInstances((company, connector) -> {
        reads.add(company + "/" + connector);
        if (connector == -1) {
            throw NotFoundException.of("connector", connector);
        }
        return instance(company, connector, token);
    }, now::get);

    @Test
    void aConnectorReadLessThanASecondAgoIsNotReadAgain() {
        recent.instance(1, 7);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        Instance again = recent.instance(1, 7);

        assertThat(reads).containsExactly("1/7");
        assertThat(again.values()).containsEntry("token", "first-token");
    }

    @Test
    void aChangedCredentialIsUsedOnceASecondHasPassed() {
        recent.instance(1, 7);
        token = "second-token";
        now.addAndGet(RecentInstances.FRESH_FOR.toNanos());

        assertThat(recent.instance(1, 7).values()).containsEntry("token", "second-token");
        assertThat(reads).containsExactly("1/7", "1/7");
    }

    @Test
    void eachCompanyAndConnectorIsKeptApart() {
        recent.instance(1, 7);
        recent.instance(2, 7);
        recent.instance(1, 8);

        assertThat(recent.instance(2, 7).companyId()).isEqualTo(2);
        assertThat(reads).containsExactly("1/7", "2/7", "1/8");
    }

    @Test
    void aMissingConnectorIsNotKept() {
        assertThatThrownBy(() -> recent.instance(1, -1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recent.instance(1, -1)).isInstanceOf(NotFoundException.class);

        assertThat(reads).containsExactly("1/-1", "1/-1");
    }

    @Test
    void theCacheStaysBounded() {
        for (int connector = 0; connector <= RecentInstances.MAX_ENTRIES; connector++) {
            recent.instance(1, connector);
        }
        reads.clear();

        recent.instance(1, RecentInstances.MAX_ENTRIES); // the last one read survived the clean-up
        recent.instance(1, 0);                            // the first one did not

        assertThat(reads).containsExactly("1/0");
    }

    private static Instance instance(long company, long connector, String token) {
        return new Instance(company, connector, "Shop", "token", 3, "http://127.0.0.1:1", ZoneId.of("UTC"), "Y-m-d",
                Map.of("token", token), Set.of("token"), null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                "second", null, null, null);
    }
}
