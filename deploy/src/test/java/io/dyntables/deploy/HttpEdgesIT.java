package io.dyntables.deploy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge with the default settings: errors the HTTP server answers before the
 * application sees the request carry Problem Details too, the body limit is the
 * documented 1 MB, and the OpenAPI document never echoes what a client sent as Host.
 */
@DyntablesIT
class HttpEdgesIT {

	private static final Duration ANSWER = Duration.ofSeconds(10);

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	static Stream<Arguments> malformedRequests() {
		String get = "GET /api/table HTTP/1.1\r\nHost: localhost\r\n";
		return Stream.of(Arguments.of("request line too long",
				"GET /api/table?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "uri-too-long"),
				Arguments.of("headers too large", get + "X-Big: " + "a".repeat(9000) + "\r\n\r\n", 431,
						"headers-too-large"),
				Arguments.of("not a request line", "GARBAGE\r\n\r\n", 400, "malformed-http"),
				Arguments.of("space in the path", "GET /api/ta ble HTTP/1.1\r\nHost: localhost\r\n\r\n", 400,
						"malformed-http"),
				Arguments.of("header without colon", get + "Bad Header\r\n\r\n", 400, "malformed-http"),
				Arguments.of("unparsable percent-encoding", "GET /api/table/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
						400, "malformed-http"),
				Arguments.of("broken chunk",
						"POST /api/table HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
								+ "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
						400, "malformed-http"),
				Arguments.of("two content lengths",
						"POST /api/table HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
						400, "malformed-http"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("malformedRequests")
	void errorsOfTheHttpServerAreProblemDetails(String name, String request, int status, String code)
			throws IOException {
		RawHttp.Answer answer = RawHttp.exchange(this.port, request, ANSWER);
		assertThat(answer.status()).as(answer.head()).isEqualTo(status);
		assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
		Map<String, Object> problem = Json.map(answer.body());
		assertThat(problem).containsEntry("code", code).containsEntry("status", status);
	}

	static Stream<Arguments> wrongRequests() {
		return Stream
			.of(Arguments.of("GET", "/nowhere", "", 404, "not-found"),
					Arguments.of("DELETE", "/api/table", "", 405, "method-not-allowed"),
					Arguments.of("PATCH", "/api/table/1/rows", "", 405, "method-not-allowed"),
					Arguments.of("POST", "/api/table/1/rows", "Content-Type: text/plain\r\nContent-Length: 1\r\n\r\nx",
							415, "unsupported-media-type"),
					Arguments.of("GET", "/api/table/abc", "", 400, "invalid-parameter"));
	}

	@ParameterizedTest(name = "{0} {1} -> {3}")
	@MethodSource("wrongRequests")
	void wrongRoutesMethodsAndTypesAreProblemDetails(String method, String path, String rest, int status, String code)
			throws IOException {
		String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ (rest.isEmpty() ? "\r\n" : rest);
		RawHttp.Answer answer = RawHttp.exchange(this.port, request, ANSWER);
		assertThat(answer.status()).as(answer.head()).isEqualTo(status);
		assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
		assertThat(Json.map(answer.body())).containsEntry("code", code);
	}

	@Test
	void theBodyLimitIsOneMegabyte() {
		long table = this.api.createTable("limits_default", Map.of("s", Map.of("type", "string", "maxLength", 2000)));
		// over the 256 KiB codec default, under the 1 MB setting
		String row = "{\"s\": \"" + "x".repeat(1500) + "\"}";
		StringBuilder array = new StringBuilder("[");
		for (int i = 0; i < 400; i++) {
			array.append((i > 0) ? "," : "").append(row);
		}
		String body = array.append("]").toString();
		assertThat(body.length()).isBetween(300_000, 1_000_000);
		this.api.load(table, MediaType.APPLICATION_JSON, body, 400);
		// one object over 1 MB
		Api.refused(this.api.postRow(table, "{\"s\": \"" + "x".repeat(1_100_000) + "\"}"), 413, "payload-too-large");
	}

	@Test
	void aJsonArrayIsLimitedByRowsNotByItsSize() {
		long table = this.api.createTable("limits_array", Map.of("n", "integer", "s", "string"));
		// the reported case: 4,033 rows in 262,145 bytes, refused at 256 KiB before
		String row = "{\"n\": 1, \"s\": \"" + "x".repeat(50) + "\"}";
		StringBuilder array = new StringBuilder("[");
		for (int i = 0; i < 4033; i++) {
			array.append((i > 0) ? "," : "").append(row);
		}
		String body = array.append("]").toString();
		assertThat(body.length()).isGreaterThan(262_144);
		this.api.load(table, MediaType.APPLICATION_JSON, body, 4033);
		// 10,000 small rows are allowed (1.3 MB, over the body limit), 10,001 are not
		StringBuilder most = new StringBuilder("[");
		for (int i = 0; i < 10_000; i++) {
			most.append((i > 0) ? "," : "")
				.append("{\"n\": ")
				.append(i)
				.append(", \"s\": \"")
				.append("y".repeat(100))
				.append("\"}");
		}
		String tenThousand = most + "]";
		assertThat(tenThousand.length()).isGreaterThan(1_048_576);
		this.api.load(table, MediaType.APPLICATION_JSON, tenThousand, 10_000);
		Api.refused(this.api.postRows(table, MediaType.APPLICATION_JSON, most + ",{\"n\": 1, \"s\": \"z\"}]"), 413,
				"too-many-rows");
		assertThat(count(table)).isEqualTo(14_033);
	}

	private long count(long table) {
		String total = this.http.get()
			.uri("/api/table/{id}/rows?count=exact&limit=1", table)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Total-Count");
		return Long.parseLong(total);
	}

	@Test
	void theOpenApiServerIsConfiguredNotTakenFromTheRequest() {
		for (String header : new String[] { "Host", "X-Forwarded-Host", "Forwarded" }) {
			String value = header.equals("Forwarded") ? "host=evil.example;proto=https" : "evil.example";
			String document = this.http.get()
				.uri("/v3/api-docs")
				.header(header, value)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(document).as(header).doesNotContain("evil.example");
			assertThat(Json.map(document).get("servers")).as(header).isEqualTo(java.util.List.of(Map.of("url", "/")));
		}
	}

}
