package io.dyntables.query.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BinaryOperator;

/**
 * A concurrent map of at most a given number of entries. When an insertion goes past that
 * number, the least recently used tenth is dropped at once, so finding them (a sort of
 * the use times) is paid once per many insertions, and lookups stay lock free. It counts
 * its hits, misses, puts and evictions, for metrics.
 *
 * @param <K> the keys
 * @param <V> the values
 */
public final class RecentlyUsed<K, V> {

	private final int capacity;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong clock = new AtomicLong();

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder puts = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	public RecentlyUsed(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("a cache holds at least one entry, not " + capacity);
		}
		this.capacity = capacity;
	}

	/** The value of the key, or null; a found entry counts as used now. */
	public V get(K key) {
		Entry<V> entry = this.entries.get(key);
		if (entry == null) {
			this.misses.increment();
			return null;
		}
		this.hits.increment();
		entry.used = this.clock.incrementAndGet();
		return entry.value;
	}

	/** Keeps the value, or the one the remapping picks when the key has a value. */
	public void merge(K key, V value, BinaryOperator<V> remapping) {
		Entry<V> given = new Entry<>(value, this.clock.incrementAndGet());
		this.puts.increment();
		this.entries.merge(key, given, (cached, fresh) -> {
			V kept = remapping.apply(cached.value, fresh.value);
			return (kept == cached.value) ? cached : fresh;
		});
		trim();
	}

	public void put(K key, V value) {
		merge(key, value, (cached, given) -> given);
	}

	public void remove(K key) {
		this.entries.remove(key);
	}

	public int size() {
		return this.entries.size();
	}

	public void clear() {
		this.entries.clear();
	}

	/** Lookups that found their key. */
	public long hits() {
		return this.hits.sum();
	}

	/** Lookups that did not find their key. */
	public long misses() {
		return this.misses.sum();
	}

	/** Values kept (or offered, when the remapping kept the cached one). */
	public long puts() {
		return this.puts.sum();
	}

	/** Entries dropped to stay within the capacity. */
	public long evictions() {
		return this.evictions.sum();
	}

	private void trim() {
		if (this.entries.size() <= this.capacity) {
			return;
		}
		synchronized (this) {
			if (this.entries.size() <= this.capacity) {
				return;
			}
			long[] uses = this.entries.values().stream().mapToLong((entry) -> entry.used).toArray();
			Arrays.sort(uses);
			int dropped = uses.length - (this.capacity - this.capacity / 10);
			long newestDropped = uses[dropped - 1];
			int before = this.entries.size();
			this.entries.values().removeIf((entry) -> entry.used <= newestDropped);
			this.evictions.add(Math.max(0, before - this.entries.size()));
		}
	}

	private static final class Entry<V> {

		private final V value;

		private volatile long used;

		Entry(V value, long used) {
			this.value = value;
			this.used = used;
		}

	}

}
