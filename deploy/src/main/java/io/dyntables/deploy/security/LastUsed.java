package io.dyntables.deploy.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dyntables.query.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Notes when each API key was last used without slowing the request that uses it: a use
 * only updates a map in memory, and a background thread writes what changed every
 * {@code dyntables.security.last-used-interval} (about once a minute by default), so a
 * busy key costs one write a minute, not one per request. What is pending is written on
 * shutdown too.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class LastUsed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LastUsed.class);

	private final ApiKeys keys;

	private final Duration interval;

	private final Map<String, Instant> pending = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService writer;

	LastUsed(ApiKeys keys, SecuritySettings settings) {
		this.keys = keys;
		this.interval = settings.lastUsedInterval();
	}

	void used(String prefix, Instant at) {
		this.pending.put(prefix, at);
	}

	/** Writes the uses noted since the last write. */
	void write() {
		if (this.pending.isEmpty()) {
			return;
		}
		List<Map.Entry<String, Instant>> uses = new ArrayList<>();
		for (String prefix : List.copyOf(this.pending.keySet())) {
			Instant at = this.pending.remove(prefix);
			if (at != null) {
				uses.add(Map.entry(prefix, at));
			}
		}
		try {
			this.keys.lastUsed(uses);
		}
		catch (RuntimeException ex) {
			log.warn("Could not note when {} API keys were last used: {}", uses.size(), ex.toString());
			uses.forEach((use) -> this.pending.merge(use.getKey(), use.getValue(),
					(newer, older) -> newer.isAfter(older) ? newer : older));
		}
	}

	@Override
	public synchronized void start() {
		if (this.writer == null) {
			this.writer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dyntables-key-last-used"));
			long millis = this.interval.toMillis();
			this.writer.scheduleWithFixedDelay(this::write, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.writer != null) {
			this.writer.shutdownNow();
			this.writer = null;
			write();
		}
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	@Override
	public int getPhase() {
		// stopped after the web server, so the last requests' uses are written too
		return 0;
	}

}
