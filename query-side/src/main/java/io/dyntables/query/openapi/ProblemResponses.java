package io.dyntables.query.openapi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dyntables.api.error.ErrorCode;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error answers of the row API as RFC 9457 Problem Details: the {@code Problem}
 * schema (with the service's {@code code} and the {@code errors} that point at the
 * offending part of the request) and one response per status, listing the codes it
 * carries, taken from {@link ErrorCode} so that a new code shows up by itself.
 */
final class ProblemResponses {

	static final String PROBLEM = "Problem";

	static final String REASON = "ProblemReason";

	private static final String PROBLEM_JSON = "application/problem+json";

	private ProblemResponses() {
	}

	/** The Problem schemas by their component names. */
	static Map<String, Schema> schemas() {
		Map<String, Schema> schemas = new LinkedHashMap<>();
		schemas.put(PROBLEM, problem());
		schemas.put(REASON, reason());
		return schemas;
	}

	/**
	 * One response per status an error code answers, by component name, each a Problem
	 * naming the codes of that status.
	 */
	static Map<String, ApiResponse> responses() {
		Map<String, ApiResponse> responses = new LinkedHashMap<>();
		Arrays.stream(ErrorCode.values())
			.map(ErrorCode::status)
			.distinct()
			.sorted()
			.forEach((status) -> responses.put(name(status), response(status)));
		return responses;
	}

	/** References to the responses of these statuses. */
	static ApiResponses errors(int... statuses) {
		ApiResponses responses = new ApiResponses();
		for (int status : statuses) {
			if (Arrays.stream(ErrorCode.values()).noneMatch((code) -> code.status() == status)) {
				throw new IllegalArgumentException("no error code answers " + status);
			}
			responses.addApiResponse(String.valueOf(status),
					new ApiResponse().$ref("#/components/responses/" + name(status)));
		}
		return responses;
	}

	private static String name(int status) {
		return "Problem" + status;
	}

	private static ApiResponse response(int status) {
		List<ErrorCode> codes = Arrays.stream(ErrorCode.values()).filter((code) -> code.status() == status).toList();
		String described = codes.stream()
			.map((code) -> "`" + code.slug() + "`: " + code.title())
			.collect(Collectors.joining("; "));
		ApiResponse response = new ApiResponse().description("Problem Details; code " + described + ".")
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(RowSchemas.ref(PROBLEM))));
		if (status == 503) {
			response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
				.schema(new Schema<>().type("integer").format("int32")));
		}
		return response;
	}

	private static Schema<Object> problem() {
		Schema<Object> problem = new Schema<>().type("object")
			.description("RFC 9457 Problem Details with a stable code and, per reason, a JSON pointer to the "
					+ "offending part of the request (/<field>, /query/<parameter>, /<index>/<field>).");
		problem.addProperty("type",
				new Schema<>().type("string").format("uri").description("urn:dyntables:problem: and the code"));
		problem.addProperty("title", new Schema<>().type("string"));
		problem.addProperty("status", new Schema<>().type("integer").format("int32"));
		problem.addProperty("detail", new Schema<>().type("string"));
		problem.addProperty("instance", new Schema<>().type("string").format("uri-reference"));
		problem.addProperty("code", codes());
		problem.addProperty("errors", new ArraySchema().items(RowSchemas.ref(REASON)));
		return problem.required(List.of("type", "title", "status", "code"));
	}

	private static Schema<Object> reason() {
		return new Schema<>().type("object")
			.addProperty("code", codes())
			.addProperty("pointer",
					new Schema<>().type("string").description("RFC 6901 JSON pointer; empty for the whole request"))
			.addProperty("detail", new Schema<>().type("string"))
			.required(List.of("code", "pointer", "detail"));
	}

	/**
	 * A code: a string rather than an enum, so that a client generated today still reads
	 * the codes a later release adds.
	 */
	private static Schema<Object> codes() {
		return new Schema<>().type("string")
			.description("One of "
					+ Arrays.stream(ErrorCode.values()).map(ErrorCode::slug).collect(Collectors.joining(", ")));
	}

}
