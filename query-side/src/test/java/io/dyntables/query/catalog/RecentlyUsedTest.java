package io.dyntables.query.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecentlyUsedTest {

	@Test
	void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
		RecentlyUsed<Integer, String> cache = new RecentlyUsed<>(100);
		for (int i = 0; i < 100; i++) {
			cache.put(i, "v" + i);
		}
		for (int i = 0; i < 20; i++) {
			assertThat(cache.get(i)).isEqualTo("v" + i);
		}
		cache.put(100, "v100");
		// down to 90: the eleven least recently used (20..30) are gone; the read and the
		// new ones stay
		assertThat(cache.size()).isEqualTo(90);
		for (int i = 20; i <= 30; i++) {
			assertThat(cache.get(i)).isNull();
		}
		for (int i = 0; i < 20; i++) {
			assertThat(cache.get(i)).isEqualTo("v" + i);
		}
		assertThat(cache.get(100)).isEqualTo("v100");
		assertThat(cache.get(99)).isEqualTo("v99");
		for (int i = 0; i < 10_000; i++) {
			cache.put(1000 + i, "w" + i);
			assertThat(cache.size()).isLessThanOrEqualTo(100);
		}
		assertThat(cache.get(10_999)).isEqualTo("w9999");
	}

	@Test
	void mergeKeepsWhatTheRemappingPicks() {
		RecentlyUsed<String, Integer> cache = new RecentlyUsed<>(1);
		cache.merge("a", 2, Math::max);
		cache.merge("a", 1, Math::max);
		assertThat(cache.get("a")).isEqualTo(2);
		cache.merge("a", 3, Math::max);
		assertThat(cache.get("a")).isEqualTo(3);
		cache.put("b", 1);
		assertThat(cache.get("a")).isNull();
		assertThat(cache.get("b")).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentlyUsed<>(0));
	}

	@Test
	void countsHitsMissesPutsAndEvictions() {
		RecentlyUsed<Integer, String> cache = new RecentlyUsed<>(10);
		for (int i = 0; i < 10; i++) {
			cache.put(i, "v" + i);
		}
		cache.get(0);
		cache.get(1);
		cache.get(42);
		assertThat(cache.hits()).isEqualTo(2);
		assertThat(cache.misses()).isEqualTo(1);
		assertThat(cache.evictions()).isZero();
		cache.put(10, "v10");
		// past the capacity the least recently used tenth and one go: down to 9
		assertThat(cache.size()).isEqualTo(9);
		assertThat(cache.evictions()).isEqualTo(2);
		assertThat(cache.puts()).isEqualTo(11);
		cache.clear();
		assertThat(cache.evictions()).as("a clear is no eviction").isEqualTo(2);
	}

}
