package io.dyntables.query.rows;

import java.util.List;
import java.util.function.Function;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One row statement on a connection, through the driver's own API: the hot paths (a
 * single row's write or read, a page) bind and read without the per-statement work of
 * Spring's {@code DatabaseClient} (connection lookup in the transaction context, a
 * statement filter chain, closing the connection). Each answer is read whole, so the
 * statement is over when its answer is.
 */
final class DirectStatement {

	private final Statement statement;

	private int next;

	private DirectStatement(Statement statement) {
		this.statement = statement;
	}

	static DirectStatement of(Connection connection, String sql) {
		return new DirectStatement(connection.createStatement(sql));
	}

	/** Binds the row's values from the next parameter on, nulls typed by their field. */
	DirectStatement bind(ValidRow row) {
		List<FieldDefinition> fields = row.fields();
		List<Object> values = row.values();
		for (int i = 0; i < fields.size(); i++) {
			Object value = values.get(i);
			if (value != null) {
				this.statement.bind(this.next++, value);
			}
			else {
				this.statement.bindNull(this.next++, JsonValues.nullType(fields.get(i)));
			}
		}
		return this;
	}

	/** Binds the values from the next parameter on. */
	DirectStatement bind(List<Object> parameters) {
		for (Object parameter : parameters) {
			this.statement.bind(this.next++, parameter);
		}
		return this;
	}

	DirectStatement bind(Object value) {
		this.statement.bind(this.next++, value);
		return this;
	}

	/** The first row of the answer, mapped; empty when there is none. */
	<T> Mono<T> one(Function<Readable, T> mapper) {
		return Flux.from(this.statement.execute())
			.concatMap((result) -> result.map((row, metadata) -> mapper.apply(row)))
			.reduce((first, later) -> first);
	}

	/** Every row of the answer, mapped, in order. */
	<T> Mono<List<T>> all(Function<Readable, T> mapper) {
		return Flux.from(this.statement.execute())
			.concatMap((result) -> result.map((row, metadata) -> mapper.apply(row)))
			.collectList();
	}

	/** The number of rows the statement changed. */
	Mono<Long> rowsUpdated() {
		return Flux.from(this.statement.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
	}

}
