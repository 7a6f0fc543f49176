package io.dyntables.deploy.web;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.deploy.database.ConnectionFailures;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Renders every error once, as RFC 9457 Problem Details with a stable {@code code} and,
 * for each reason, a JSON pointer to the offending part of the request. 5xx only for our
 * own faults, and never with a stack trace or SQL text.
 */
@RestControllerAdvice
class ProblemDetailsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(Throwable.class)
	ResponseEntity<ProblemDetail> handle(Throwable thrown, ServerWebExchange exchange) throws Throwable {
		Throwable error = unwrap(thrown);
		if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
			// the client is gone, or the answer is already on its way: no problem can be
			// sent, and the web layer logs a lost client quietly
			throw thrown;
		}
		String path = exchange.getRequest().getPath().value();
		List<Refusal> refusals = refusals(error);
		ErrorCode code = refusals.get(0).code();
		if (code == ErrorCode.INTERNAL) {
			log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), path, error);
		}
		else if (code.status() >= 500) {
			log.warn("{} on {}: {}", code, path, error.toString());
		}
		return answer(refusals, path);
	}

	/** The answer to refusals: the first one's status, with Retry-After on a 503. */
	static ResponseEntity<ProblemDetail> answer(List<Refusal> refusals, String path) {
		ErrorCode code = refusals.get(0).code();
		int status = code.status();
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.header(HttpHeaders.RETRY_AFTER, "5");
		}
		String title = code.title();
		return response.body(problem(status, title, code.slug(), refusals.get(0).detail(), path, refusals));
	}

	private static ProblemDetail problem(int status, String title, String code, String detail, String path,
			List<Refusal> refusals) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setType(URI.create("urn:dyntables:problem:" + code));
		problem.setTitle(title);
		problem.setInstance(URI.create(path));
		problem.setProperty("code", code);
		if (!refusals.isEmpty()) {
			problem.setProperty("errors",
					refusals.stream()
						.map((r) -> Map.of("code", r.code().slug(), "pointer", r.pointer(), "detail", r.detail()))
						.toList());
		}
		return problem;
	}

	/** The reasons behind an error, by what it is; never by its message. */
	@SuppressWarnings("unchecked")
	private static List<Refusal> refusals(Throwable error) {
		if (error instanceof RefusedException refused) {
			return refused.refusals();
		}
		if (error instanceof CommandExecutionException execution) {
			Optional<Object> details = execution.getDetails();
			if (details.isPresent() && details.get() instanceof List<?> list && !list.isEmpty()
					&& list.get(0) instanceof Refusal) {
				return (List<Refusal>) list;
			}
			return refusals(execution.getCause() != null ? execution.getCause() : new IllegalStateException(error));
		}
		if (error instanceof QueryExecutionException execution && execution.getCause() != null) {
			return refusals(execution.getCause());
		}
		if (error instanceof AggregateNotFoundException) {
			return one(ErrorCode.TABLE_NOT_FOUND, "no such table");
		}
		if (error instanceof ConcurrencyException) {
			return one(ErrorCode.VERSION_CONFLICT, "the table changed concurrently; read it again and retry");
		}
		if (error instanceof DataBufferLimitException || error.getCause() instanceof DataBufferLimitException) {
			return one(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds the size limit");
		}
		if (error instanceof ServerWebInputException input) {
			return parameterProblem(input).orElseGet(() -> one(ErrorCode.MALFORMED_REQUEST, inputProblem(input)));
		}
		if (error instanceof ServerExchangeRejectedException) {
			// Spring Security's firewall checks query parameters when a handler first
			// reads them
			return one(ErrorCode.INVALID_PARAMETER,
					"a query parameter's name or value holds characters no parameter may hold (control characters)");
		}
		if (error instanceof DecodingException) {
			return one(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON");
		}
		if (error instanceof ResponseStatusException status) {
			ErrorCode code = switch (status.getStatusCode().value()) {
				case 404 -> ErrorCode.NOT_FOUND;
				case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
				case 406 -> ErrorCode.NOT_ACCEPTABLE;
				case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
				case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
				default -> status.getStatusCode().is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL;
			};
			return one(code, code.title());
		}
		if (poolExhausted(error)) {
			return one(ErrorCode.BUSY, "no database connection became free in time; retry shortly");
		}
		if (ConnectionFailures.isConnectionFailure(error)) {
			return one(ErrorCode.DATABASE_UNAVAILABLE, "the database is not reachable; retry shortly");
		}
		if (error instanceof R2dbcTimeoutException || error instanceof TimeoutException) {
			return one(ErrorCode.TIMEOUT, "the operation took too long; retry, or narrow the request");
		}
		return one(ErrorCode.INTERNAL, "an internal error occurred; it has been logged");
	}

	/**
	 * Whether the error, or any cause of it, is a pool's wait for a free connection that
	 * ran out: the row pool's acquire timeout (a timeout behind an R2DBC timeout), or the
	 * JDBC pool's (Hikari's timeout has no cause when the database answers).
	 */
	private static boolean poolExhausted(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if ((cause instanceof R2dbcTimeoutException && cause.getCause() instanceof TimeoutException)
					|| (cause instanceof SQLTransientConnectionException && cause.getCause() == null)) {
				return true;
			}
		}
		return false;
	}

	/** A path variable or query parameter that is not of its type, named. */
	private static Optional<List<Refusal>> parameterProblem(ServerWebInputException input) {
		MethodParameter parameter = input.getMethodParameter();
		if (parameter == null || parameter.getParameterName() == null
				|| input.getCause() instanceof DecodingException) {
			return Optional.empty();
		}
		String name = parameter.getParameterName();
		String pointer;
		if (parameter.hasParameterAnnotation(PathVariable.class)) {
			pointer = "/path/" + name;
		}
		else if (parameter.hasParameterAnnotation(RequestParam.class)) {
			pointer = "/query/" + name;
		}
		else {
			return Optional.empty();
		}
		Class<?> type = parameter.getParameterType();
		String detail = (type == long.class || type == Long.class)
				? "'" + name + "' must be a whole number in plain decimal digits, at most " + Long.MAX_VALUE
				: "'" + name + "' is missing or not valid";
		return Optional.of(List.of(Refusal.of(ErrorCode.INVALID_PARAMETER, pointer, detail)));
	}

	private static String inputProblem(ServerWebInputException input) {
		if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null
				&& !(input.getCause() instanceof DecodingException)) {
			return "'" + input.getMethodParameter().getParameterName() + "' is missing or not valid";
		}
		return "the request body is missing or not valid JSON of the expected shape";
	}

	private static List<Refusal> one(ErrorCode code, String detail) {
		return List.of(Refusal.of(code, "", detail));
	}

	private static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
