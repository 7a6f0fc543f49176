package io.dyntables.deploy.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The row pool with a retry for dead connections only. The pool's own retry would also
 * repeat a wait for a free connection that ran out, multiplying the time a request waits
 * before its 503; a connection that fails its check when taken is another matter: after a
 * database restart every idle connection does, and each is replaced by the next try.
 */
final class DeadConnectionRetry implements ConnectionFactory, Wrapped<ConnectionPool> {

	private final ConnectionPool pool;

	private final Mono<Connection> create;

	DeadConnectionRetry(ConnectionPool pool, int retries) {
		this.pool = pool;
		this.create = Mono.defer(pool::create)
			.retryWhen(Retry.max(retries).filter((error) -> !(error instanceof R2dbcTimeoutException)));
	}

	@Override
	public Mono<Connection> create() {
		return this.create;
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.pool.getMetadata();
	}

	@Override
	public ConnectionPool unwrap() {
		return this.pool;
	}

}
