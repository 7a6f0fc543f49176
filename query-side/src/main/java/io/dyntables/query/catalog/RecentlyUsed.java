package io.dyntables.query.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;

/**
 * A concurrent map of at most a given number of entries. When an insertion goes past that
 * number, the least recently used tenth is dropped at once, so finding them (a sort of
 * the use times) is paid once per many insertions, and lookups stay lock free.
 *
 * @param <K> the keys
 * @param <V> the values
 */
public final class RecentlyUsed<K, V> {

	private final int capacity;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong clock = new AtomicLong();

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
			return null;
		}
		entry.used = this.clock.incrementAndGet();
		return entry.value;
	}

	/** Keeps the value, or the one the remapping picks when the key has a value. */
	public void merge(K key, V value, BinaryOperator<V> remapping) {
		Entry<V> given = new Entry<>(value, this.clock.incrementAndGet());
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
			this.entries.values().removeIf((entry) -> entry.used <= newestDropped);
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
