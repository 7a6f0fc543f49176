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
 * calling event loop instead of one taken from the pool. That connection was opened from
 * the loop's own thread on the loop resources of the HTTP server, so it lives on the same
 * event loop: the statement is written, its answer read and the HTTP response written by
 * one thread, with no pool acquisition and no hand-over between threads.
 * <p>
 * Statements of one loop are pipelined on its connection, up to a depth. The pool serves
 * instead whenever the loop's connection cannot serve at once: the calling thread is no
 * event loop of the server, the connection is still being opened or was lost (it is
 * opened again in the background, at most once per retry interval), the pipeline is full,
 * or the connection has made no progress for the stall interval (a statement waiting for
 * a lock must not hold up the next ones). Transactions, COPY and streamed reads always
 * use the pool. A statement already pipelined behind one that stalls waits for it, at
 * most the statement time limit. With no connection factory for the loops, every
 * statement uses the pool.
 */
public final class LoopConnections implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LoopConnections.class);

	/** How the loops' connections name themselves to PostgreSQL. */
	public static final String APPLICATION_NAME = "dyntables rows (event loop)";

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	/** Marks a thread that is no event loop of the server. */
	private static final Slot NONE = new Slot(null);

	private final ConnectionFactory pool;

	private final ConnectionFactory loops;

	private final EventLoopGroup group;

	private final int depth;

	private final long stallNanos;

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
	 * @param depth the most statements pipelined on one loop's connection
	 * @param stall how long a connection with statements in flight may go without
	 * finishing one before new statements go to the pool
	 * @param openTimeout the longest wait for a loop's connection to open
	 */
	public LoopConnections(ConnectionFactory pool, ConnectionFactory loops, EventLoopGroup group, int depth,
			Duration stall, Duration openTimeout) {
		this.pool = pool;
		this.loops = (depth > 0) ? loops : null;
		this.group = group;
		this.depth = depth;
		this.stallNanos = stall.toNanos();
		this.retryNanos = Duration.ofSeconds(1).toNanos();
		this.openTimeout = openTimeout;
	}

	/** Every statement through the pool. */
	public static LoopConnections poolOnly(ConnectionFactory pool) {
		return new LoopConnections(pool, null, null, 0, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Runs the work on the calling loop's connection, or on one of the pool. The work
	 * must be one short statement whose answer it reads whole; it is never cancelled on
	 * the loop's connection (its answer is read and dropped), so the connection always
	 * knows which statements are still in flight.
	 */
	public <T> Mono<T> run(Function<Connection, Mono<T>> work) {
		Slot slot = (this.loops != null && !this.closed) ? slot() : NONE;
		Bound bound = (slot != NONE) ? slot.take(this) : null;
		if (bound == null) {
			return pooled(work);
		}
		if (!bound.isOpen()) {
			slot.lost(bound);
			return pooled(work);
		}
		return bound.run(slot, work);
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
			slot = isLoop() ? new Slot(Thread.currentThread()) : NONE;
			this.slots.set(slot);
			if (slot != NONE) {
				this.opened.add(slot);
			}
		}
		return slot;
	}

	private boolean isLoop() {
		if (this.group == null) {
			return false;
		}
		for (EventExecutor executor : this.group) {
			if (executor.inEventLoop()) {
				return true;
			}
		}
		return false;
	}

	/** Closes the loops' connections; statements from now on use the pool. */
	@Override
	public void close() {
		this.closed = true;
		for (Slot slot : this.opened) {
			Bound bound = slot.bound;
			slot.bound = null;
			if (bound != null) {
				try {
					Mono.from(bound.connection.close()).block(CLOSE_TIMEOUT);
				}
				catch (RuntimeException ex) {
					log.debug("Could not close the connection of event loop {}: {}", slot.owner.getName(),
							ex.toString());
				}
			}
		}
	}

	/** One event loop's connection, while it has one. */
	private static final class Slot {

		private final Thread owner;

		private volatile Bound bound;

		private volatile boolean opening;

		private volatile long retryAt = System.nanoTime();

		Slot(Thread owner) {
			this.owner = owner;
		}

		/** The connection, if it can take one more statement now; else null. */
		Bound take(LoopConnections loops) {
			if (Thread.currentThread() != this.owner) {
				return null;
			}
			Bound current = this.bound;
			if (current == null) {
				open(loops);
				return null;
			}
			return current.mayTake(loops.depth, loops.stallNanos) ? current : null;
		}

		/** Forgets a connection found closed; the next statement opens another. */
		void lost(Bound lost) {
			if (this.bound == lost) {
				this.bound = null;
				Mono.from(lost.connection.close()).onErrorResume((error) -> Mono.empty()).subscribe();
			}
		}

		/**
		 * Opens the loop's connection in the background, from the loop's own thread so
		 * that it lives on this event loop.
		 */
		private void open(LoopConnections loops) {
			if (this.opening || System.nanoTime() - this.retryAt < 0) {
				return;
			}
			this.opening = true;
			Mono.from(loops.loops.create()).timeout(loops.openTimeout).subscribe((opened) -> {
				if (loops.closed) {
					Mono.from(opened.close()).onErrorResume((error) -> Mono.empty()).subscribe();
				}
				else {
					this.bound = new Bound(opened);
				}
				this.opening = false;
			}, (error) -> {
				log.debug("Could not open the connection of event loop {}: {}", this.owner.getName(), error.toString());
				this.retryAt = System.nanoTime() + loops.retryNanos;
				this.opening = false;
			});
		}

	}

	/** A loop's connection and the statements in flight on it. */
	private static final class Bound {

		private final Connection connection;

		private final AtomicInteger pending = new AtomicInteger();

		/** When a statement last finished, or the connection last became busy. */
		private volatile long progress;

		Bound(Connection connection) {
			this.connection = connection;
		}

		boolean mayTake(int depth, long stallNanos) {
			int inFlight = this.pending.get();
			if (inFlight >= depth) {
				return false;
			}
			long now = System.nanoTime();
			if (inFlight == 0) {
				this.progress = now;
				return true;
			}
			return now - this.progress <= stallNanos;
		}

		<T> Mono<T> run(Slot slot, Function<Connection, Mono<T>> work) {
			return Mono.create((sink) -> {
				boolean[] answered = new boolean[1];
				this.pending.incrementAndGet();
				Mono.defer(() -> work.apply(this.connection)).doFinally((signal) -> {
					this.progress = System.nanoTime();
					this.pending.decrementAndGet();
				}).subscribe((value) -> {
					answered[0] = true;
					sink.success(value);
				}, (error) -> {
					if (!isOpen()) {
						slot.lost(this);
					}
					sink.error(error);
				}, () -> {
					// the driver ends a statement it could not send on a closed
					// connection
					// without an error: an answer without rows is only one if the
					// connection is still there
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
