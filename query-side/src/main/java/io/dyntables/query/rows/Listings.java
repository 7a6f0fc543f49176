package io.dyntables.query.rows;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.dyntables.api.security.Caller;
import io.dyntables.query.rows.ListingRunner.Listed;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * Answers a row listing in four steps, data flowing one way: the query parameters are
 * parsed without the table ({@link ListingParser}), planned against the table as the
 * caller may see it ({@link ListingPlanner}), run ({@link ListingRunner}, with the SQL of
 * {@code RowSql}) and written by the caller of this class.
 */
@Service
public class Listings {

	private final CurrentSchema schemas;

	private final ListingRunner runner;

	private final JsonMapper mapper;

	/** The largest {@code limit} of a listing. */
	private final int maxPageSize;

	Listings(CurrentSchema schemas, ListingRunner runner, JsonMapper mapper,
			@Value("${dyntables.rows.max-page-size:1000}") int maxPageSize) {
		this.schemas = schemas;
		this.runner = runner;
		this.mapper = mapper;
		this.maxPageSize = maxPageSize;
	}

	/**
	 * Answers a listing as the query parameters ask for it. When the table changed under
	 * it before anything was sent, it is planned and answered once more against the
	 * current schema ({@link CurrentSchema#answered}).
	 * @param answer writes the listing
	 * @param nothingSent whether the answer can still be started again
	 */
	Mono<Void> list(long tableId, MultiValueMap<String, String> parameters, Caller caller,
			Function<Listed, Mono<Void>> answer, BooleanSupplier nothingSent) {
		// parsed once the table is known to exist, so that an unknown table is answered
		// 404 whatever its parameters
		return this.schemas.answered(tableId, caller, nothingSent, (schema, scope) -> {
			ListingRequest request = ListingParser.parse(parameters, this.maxPageSize);
			return answer.apply(this.runner.run(ListingPlanner.plan(request, scope, this.mapper)));
		});
	}

}
