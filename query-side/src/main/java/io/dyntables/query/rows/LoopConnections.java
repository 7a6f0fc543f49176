package io.dyntables.query.rows;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.ValidationDepth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs short row statements (one row's write or read, one page) on a connection of the
 * calling event loop instead of one taken from the pool. Each loop has a few connections
 * of its own, opened from the loop's own thread on the loop resources of the HTTP server,
 * so they live on the same event loop: the statement is written, its answer read and the
 * HTTP response written by one thread, with no pool acquisition, no timer and no
 * hand-over between threads.
 * <p>
 * A statement takes a free connection of its loop; the pool serves instead whenever none
 * is free: the calling thread is no event loop of the server, every connection of the
 * loop is busy, or they are still being opened or were lost (a missing one is opened
 * again in the background, at most once per retry interval). Each connection runs one
 * statement at a time, so a statement waiting for a lock holds up no other. Transactions,
 * COPY and streamed reads always use the pool. With no connection factory for the loops,
 * every statement uses the pool.
 */
public final class LoopConnections implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LoopConnections.class);

	/** How the loops' connections name themselves to PostgreSQL. */
	public static final String APPLICATION_NAME = "dyntables rows (event loop)";

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	/** Marks a thread that is no event loop of the server. */
	private static final Slot NONE = new Slot(null, null, 0);

	private final ConnectionFactory pool;

	private final ConnectionFactory loops;

	private final EventLoopGroup group;

	private final int perLoop;

	private final long retryNanos;

	private final Duration openTimeout;

	private final FastThreadLocal<Slot> slots = new FastThreadLocal<>();

	/** Every loop's slot, to close their connections at shutdown. */
	private final Queue<Slot> opened = new ConcurrentLinkedQueue<>();

	private volatile boolean closed;

	/**
	 * @param pool the row pool
	 * @param loops opens a connection on the event loop of the thread that asks for it,
	 * or null for none (every statement then uses the pool)
	 * @param group the event loops of the HTTP server
	 * @param perLoop the most connections each event loop keeps
	 * @param openTimeout the longest wait for a loop's connection to open
	 */
	public LoopConnections(ConnectionFactory pool, ConnectionFactory loops, EventLoopGroup group, int perLoop,
			Duration openTimeout) {
		this.pool = pool;
		this.loops = (perLoop > 0) ? loops : null;
		this.group = group;
		this.perLoop = perLoop;
		this.retryNanos = Duration.ofSeconds(1).toNanos();
		this.openTimeout = openTimeout;
	}

	/** Every statement through the pool. */
	public static LoopConnections poolOnly(ConnectionFactory pool) {
		return new LoopConnections(pool, null, null, 0, Duration.ZERO);
	}

	/**
	 * Runs the work on a free connection of the calling loop, or on one of the pool. The
	 * work must be one short statement whose answer it reads whole; it is never cancelled
	 * on the loop's connection (its answer is read and dropped), so a connection is free
	 * again only once its statement is answered. The connection is chosen when the answer
	 * is subscribed to, on the subscribing thread: one taken for an answer never
	 * subscribed to (a page behind a count that failed) would stay taken.
	 */
	public <T> Mono<T> run(Function<Connection, Mono<T>> work) {
		return Mono.defer(() -> {
			Slot slot = (this.loops != null && !this.closed) ? slot() : NONE;
			Bound bound = (slot != NONE) ? slot.take(this) : null;
			return (bound != null) ? bound.run(slot, work) : pooled(work);
		});
	}

	/**
	 * Runs the work on a connection of the pool, given back when it ends (or when the
	 * request is cancelled).
	 */
	public <T> Mono<T> pooled(Function<Connection, Mono<T>> work) {
		return Mono.usingWhen(this.pool.create(), work, Connection::close);
	}

	private Slot slot() {
		Slot slot = this.slots.get();
		if (slot == null) {
			EventExecutor loop = currentLoop();
			slot = (loop != null) ? new Slot(Thread.currentThread(), loop, this.perLoop) : NONE;
			this.slots.set(slot);
			if (slot != NONE) {
				this.opened.add(slot);
			}
		}
		return slot;
	}

	/** The server's event loop the calling thread runs, or null. */
	private EventExecutor currentLoop() {
		if (this.group != null) {
			for (EventExecutor executor : this.group) {
				if (executor.inEventLoop()) {
					return executor;
				}
			}
		}
		return null;
	}

	/** Closes the loops' connections; statements from now on use the pool. */
	@Override
	public void close() {
		this.closed = true;
		for (Slot slot : this.opened) {
			for (int i = 0; i < slot.bound.length; i++) {
				Bound bound = slot.bound[i];
				slot.bound[i] = null;
				if (bound != null) {
					try {
						Mono.from(bound.connection.close()).block(CLOSE_TIMEOUT);
					}
					catch (RuntimeException ex) {
						log.debug("Could not close a connection of event loop {}: {}", slot.owner.getName(),
								ex.toString());
					}
				}
			}
		}
	}

	/**
	 * One event loop's connections. Only the loop's own thread takes them; a connection
	 * becomes free again on whichever thread its statement ends.
	 */
	private static final class Slot {

		private final Thread owner;

		private final EventExecutor loop;

		private final Bound[] bound;

		/** Connections being opened. */
		private final AtomicInteger opening = new AtomicInteger();

		private volatile long retryAt = System.nanoTime();

		Slot(Thread owner, EventExecutor loop, int size) {
			this.owner = owner;
			this.loop = loop;
			this.bound = new Bound[size];
		}

		/**
		 * A free connection, now taken; else null, and one more is opened if the loop has
		 * room for it.
		 */
		Bound take(LoopConnections loops) {
			if (Thread.currentThread() != this.owner) {
				return null;
			}
			int missing = 0;
			for (int i = 0; i < this.bound.length; i++) {
				Bound candidate = this.bound[i];
				if (candidate == null) {
					missing++;
				}
				else if (!candidate.busy) {
					if (candidate.isOpen()) {
						candidate.busy = true;
						return candidate;
					}
					lost(candidate);
					missing++;
				}
			}
			if (missing > this.opening.get()) {
				open(loops);
			}
			return null;
		}

		/** Forgets a connection found closed; another is opened when one is wanted. */
		synchronized void lost(Bound lost) {
			for (int i = 0; i < this.bound.length; i++) {
				if (this.bound[i] == lost) {
					this.bound[i] = null;
					Mono.from(lost.connection.close()).onErrorResume((error) -> Mono.empty()).subscribe();
				}
			}
		}

		/**
		 * Opens one more connection in the background, from a task of the loop's own
		 * thread: so it lives on this event loop, and it carries none of the context of
		 * the request that asked for it (the driver's own subscriptions capture the
		 * thread's logging context, which Reactor would then restore for every message
		 * the connection receives, whichever request it serves).
		 */
		private void open(LoopConnections loops) {
			if (System.nanoTime() - this.retryAt < 0) {
				return;
			}
			this.opening.incrementAndGet();
			this.loop.execute(() -> Mono.from(loops.loops.create()).timeout(loops.openTimeout).subscribe((opened) -> {
				if (loops.closed || !place(new Bound(opened))) {
					Mono.from(opened.close()).onErrorResume((error) -> Mono.empty()).subscribe();
				}
				this.opening.decrementAndGet();
			}, (error) -> {
				log.debug("Could not open a connection of event loop {}: {}", this.owner.getName(), error.toString());
				this.retryAt = System.nanoTime() + loops.retryNanos;
				this.opening.decrementAndGet();
			}));
		}

		private synchronized boolean place(Bound opened) {
			for (int i = 0; i < this.bound.length; i++) {
				if (this.bound[i] == null) {
					this.bound[i] = opened;
					return true;
				}
			}
			return false;
		}

	}

	/** A connection of a loop, and whether a statement is in flight on it. */
	private static final class Bound {

		private final Connection connection;

		private volatile boolean busy;

		Bound(Connection connection) {
			this.connection = connection;
		}

		<T> Mono<T> run(Slot slot, Function<Connection, Mono<T>> work) {
			return Mono.create((sink) -> {
				boolean[] answered = new boolean[1];
				Mono.defer(() -> work.apply(this.connection))
					.doFinally((signal) -> this.busy = false)
					.subscribe((value) -> {
						answered[0] = true;
						sink.success(value);
					}, (error) -> {
						if (!isOpen()) {
							slot.lost(this);
						}
						sink.error(error);
					}, () -> {
						// the driver ends a statement it could not send on a closed
						// connection without an error: an answer without rows is only
						// one if the connection is still there
						if (answered[0] || isOpen()) {
							sink.success();
							return;
						}
						slot.lost(this);
						sink.error(new R2dbcNonTransientResourceException(
								"the connection to the database closed before the statement was answered"));
					});
			});
		}

		boolean isOpen() {
			Boolean valid = Mono.from(this.connection.validate(ValidationDepth.LOCAL)).toFuture().getNow(Boolean.FALSE);
			return Boolean.TRUE.equals(valid);
		}

	}

}
