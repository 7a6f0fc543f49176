package io.dyntables.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client sends: every answer is a 4xx Problem Details body
 * with a stable code, never a 500, and nothing is half-applied.
 */
@DyntablesIT
class HostileInputIT {

	@Autowired
	WebTestClient http;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	static Stream<Arguments> badTableRequests() {
		return Stream.of(Arguments.of("{", 400, "malformed-request"), Arguments.of("[]", 400, "malformed-request"),
				Arguments.of("\"Person\"", 400, "malformed-request"), Arguments.of("{}", 400, "malformed-request"),
				Arguments.of("{\"name\": \"P\", \"name\": \"Q\", \"fields\": {}}", 400, "malformed-request"),
				Arguments.of("{\"name\": 12, \"fields\": {}}", 400, "malformed-request"),
				Arguments.of("{\"name\": \"P\", \"fields\": []}", 400, "malformed-request"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\": \"varchar\"}}", 422, "invalid-field-definition"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\": 5}}", 422, "invalid-field-definition"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\": {\"type\": \"string\", \"maxLength\": \"9\"}}}",
						422, "invalid-field-definition"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\": {\"type\": \"string\", \"drop\": true}}}", 422,
						"invalid-field-definition"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\\\"; DROP TABLE x; --\": \"string\"}}", 422,
						"invalid-field-name"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"ctid\": \"string\"}}", 422, "invalid-field-name"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"id\": \"integer\"}}", 422, "invalid-field-name"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\": \"string\", \"A\": \"string\"}}", 422,
						"invalid-field-name"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"" + "x".repeat(64) + "\": \"string\"}}", 422,
						"invalid-field-name"),
				Arguments.of("{\"name\": \"\\u0000\", \"fields\": {}}", 422, "invalid-table-name"),
				Arguments.of("{\"name\": \"\\ud800\", \"fields\": {}}", 422, "invalid-table-name"),
				Arguments.of("{\"name\": \"a\\udc00b\", \"fields\": {}}", 422, "invalid-table-name"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"a\\ud800\": \"string\"}}", 400, "malformed-request"),
				Arguments.of("{\"name\": \"P\", \"fields\": {}, \"extra\": 1}", 400, "malformed-request"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"s\": {\"type\": \"text\", \"default\": \"\\ud800\"}}}",
						422, "invalid-field-definition"),
				Arguments.of("{\"name\": \"P\", \"fields\": {\"d\": {\"type\": \"decimal\", \"precision\": 2000}}}",
						422, "invalid-field-definition"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("badTableRequests")
	void badCreationsAreRefusedWithProblemDetails(String body, int status, String code) {
		int tablesBefore = tableCount();
		this.http.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.status")
			.isEqualTo(status);
		assertThat(tableCount()).isEqualTo(tablesBefore);
	}

	@Test
	void oversizedBodiesAnswer413() {
		String huge = "{\"name\": \"P\", \"fields\": {\"a\": \"" + "x".repeat(2_000_000) + "\"}}";
		this.http.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(huge)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("payload-too-large");
	}

	@Test
	void wrongContentTypeAnswers415() {
		this.http.post()
			.uri("/api/table")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=x")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("unsupported-media-type");
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("badPaths")
	void badPathsAndParametersAreClientErrors(HttpMethod method, String path, int status) {
		this.http.method(method)
			.uri(Api.raw(path))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"fields\": {\"a\": \"string\"}}")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	static Stream<Arguments> badPaths() {
		return Stream.of(Arguments.of(HttpMethod.GET, "/api/table/abc", 400),
				Arguments.of(HttpMethod.GET, "/api/table/99999999999999999999", 400),
				Arguments.of(HttpMethod.GET, "/api/table/987654321", 404),
				Arguments.of(HttpMethod.PUT, "/api/table/987654321", 404),
				Arguments.of(HttpMethod.DELETE, "/api/table/987654321", 404),
				Arguments.of(HttpMethod.POST, "/api/table/987654321/row", 404),
				Arguments.of(HttpMethod.GET, "/api/table/987654321/rows", 404),
				Arguments.of(HttpMethod.GET, "/api/table/-1", 400),
				Arguments.of(HttpMethod.GET, "/api/table/0x10", 400),
				Arguments.of(HttpMethod.GET, "/api/table/+1", 400),
				Arguments.of(HttpMethod.GET, "/api/table/%201", 400),
				Arguments.of(HttpMethod.GET, "/api/table/1e1", 400),
				Arguments.of(HttpMethod.GET, "/api/table/%231", 400),
				Arguments.of(HttpMethod.GET, "/api/table/1/rows/0x1", 400),
				Arguments.of(HttpMethod.GET, "/api/table/0x10/history", 400),
				Arguments.of(HttpMethod.GET, "/api/table/987654321/events", 404),
				Arguments.of(HttpMethod.GET, "/api/nothing", 404), Arguments.of(HttpMethod.DELETE, "/api/table", 405));
	}

	@Test
	void badIfMatchAndDryRunParametersAreRefused() {
		long id = this.api.createTable("Guarded", Map.of("a", "string"));
		Api.refused(this.http.put()
			.uri("/api/table/{id}", id)
			.header("If-Match", "yesterday")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "text")))
			.exchange(), 400, "invalid-parameter");
		this.http.put()
			.uri("/api/table/{id}?dryRun=maybe", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "text")))
			.exchange()
			.expectStatus()
			.isEqualTo(400);
		this.api.put(id, Map.of("fields", Map.of("a", "text"), "convert", "yolo"))
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/convert");
		assertThat(this.api.version(id)).isEqualTo(1);
	}

	@Test
	void hostileRowValuesAreRefusedNamingTheField() {
		long id = this.api.createTable("Values", Map.of("n", "integer", "s", Map.of("type", "string", "maxLength", 3),
				"b", "boolean", "j", Map.of("type", "json", "required", false)));
		Map<String, Object> good = Map.of("n", 1, "s", "abc", "b", true);
		this.api.insert(id, good);
		String[][] cases = { { "{\"n\": \"12\", \"s\": \"a\", \"b\": true}", "/n" },
				{ "{\"n\": 1.9, \"s\": \"a\", \"b\": true}", "/n" },
				{ "{\"n\": 2147483648, \"s\": \"a\", \"b\": true}", "/n" },
				{ "{\"n\": 1e3, \"s\": \"a\", \"b\": true}", "/n" },
				{ "{\"n\": 1, \"s\": \"abcd\", \"b\": true}", "/s" },
				{ "{\"n\": 1, \"s\": \"a\\u0000\", \"b\": true}", "/s" },
				{ "{\"n\": 1, \"s\": \"a\", \"b\": \"true\"}", "/b" },
				{ "{\"n\": 1, \"s\": \"a\", \"b\": null}", "/b" },
				{ "{\"n\": 1, \"s\": \"a\", \"b\": true, \"id\": 5}", "/id" },
				{ "{\"n\": 1, \"s\": \"a\", \"b\": true, \"x; DROP TABLE y\": 5}", "/x; DROP TABLE y" },
				{ "{\"n\": 1, \"s\": \"a\", \"b\": true, \"j\": {\"k\": \"\\u0000\"}}", "/j" } };
		for (String[] bad : cases) {
			this.http.post()
				.uri("/api/table/{id}/row", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(bad[0])
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo(bad[1]);
		}
		String deep = "[".repeat(5000) + "]".repeat(5000);
		this.http.post()
			.uri("/api/table/{id}/row", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"n\": 1, \"s\": \"a\", \"b\": true, \"j\": " + deep + "}")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isBetween(400, 499));
		assertThat(this.api.rows(id)).hasSize(1);
	}

	@Test
	void aTableIdIsPlainDecimalDigitsOnly() {
		long id = this.api.createTable("Sixteen", Map.of("a", "string"));
		String hex = "0x" + Long.toHexString(id);
		Api.refused(this.http.get().uri(Api.raw("/api/table/" + hex)).exchange(), 400, "invalid-parameter");
		this.http.get().uri(Api.raw("/api/table/0" + id)).exchange().expectStatus().isOk();
	}

	static Stream<Arguments> loadsOfTheWrongShape() {
		MediaType json = MediaType.APPLICATION_JSON;
		MediaType ndjson = MediaType.APPLICATION_NDJSON;
		return Stream.of(Arguments.of(json, "[{\"s\":\"a\"},[{\"s\":\"b\"}]]", "/1"),
				Arguments.of(json, "[[{\"s\":\"b\"}]]", "/0"), Arguments.of(json, "[{\"s\":\"a\"},null]", "/1"),
				Arguments.of(json, "[{\"s\":\"a\"},1]", "/1"), Arguments.of(json, "[{\"s\":\"a\"},\"b\"]", "/1"),
				Arguments.of(json, "[{\"s\":\"a\"}][{\"s\":\"b\"}]", ""), Arguments.of(json, "[{\"s\":\"a\"}] x", ""),
				Arguments.of(json, "[{\"s\":\"a\"}] {}", ""), Arguments.of(json, "[{\"s\":\"a\"}", "/1"),
				Arguments.of(json, "[{\"s\":\"a\"},{\"s\":", "/1"), Arguments.of(json, "{\"s\":\"a\"}", ""),
				Arguments.of(ndjson, "{\"s\":\"a\"}\n[{\"s\":\"b\"}]\n", "/1"),
				Arguments.of(ndjson, "{\"s\":\"a\"}\nnull\n", "/1"), Arguments.of(ndjson, "{\"s\":\"a\"}\n1\n", "/1"),
				Arguments.of(ndjson, "[{\"s\":\"a\"}]\n", "/0"),
				Arguments.of(ndjson, "{\"s\":\"a\"} {\"s\":\"b\"}\n", "/1"),
				Arguments.of(ndjson, "{\"s\":\"a\"}\n{\"s\":\"b\"} x\n", "/1"),
				Arguments.of(ndjson, "{\"s\":\"a\"}\n{\"s\":\"b\"}]\n", "/1"),
				Arguments.of(ndjson, "{\"s\":\"a\"}\n{\"s\":\"b\"", "/1"));
	}

	@ParameterizedTest
	@MethodSource("loadsOfTheWrongShape")
	void aLoadOfTheWrongShapeIsRefusedWholeNamingTheRow(MediaType type, String body, String pointer) {
		long id = this.api.createTable("Load shapes", Map.of("s", Map.of("type", "string", "required", false)));
		Api.refused(this.api.postRows(id, type, body), 400, "malformed-request")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo(pointer);
		assertThat(this.api.rows(id)).isEmpty();
	}

	@Test
	void loadsOfTheRightShapeStillLoad() {
		long id = this.api.createTable("Right shapes", Map.of("s", Map.of("type", "string", "required", false)));
		this.api.load(id, MediaType.APPLICATION_JSON, " [ {\"s\":\"a\"} , {\"s\":\"b\"} ] \n", 2);
		this.api.load(id, MediaType.APPLICATION_JSON, "[]", 0);
		this.api.load(id, MediaType.APPLICATION_NDJSON, "{\"s\":\"c\"}\n\n  \r\n{\"s\":\"d\"}\r\n{}", 3);
		assertThat(this.api.rows(id)).extracting((row) -> row.get("s")).containsExactly("a", "b", "c", "d", null);
	}

	/**
	 * A load refused early in a body longer than one buffer: the codec that read it
	 * released a body buffer twice (a refcount error, logged), and a buffer released
	 * twice may be one the pool has handed on to another connection.
	 */
	@Test
	void aLoadRefusedEarlyReleasesEveryBufferOnce() {
		long id = this.api.createTable("Refused early", Map.of("s", Map.of("type", "string", "required", false)));
		String ndjson = "{\"s\":\"a\"}\n{\"s\":,}\n" + "{\"s\":\"a\"}\n".repeat(10_000);
		String array = "[{\"s\":\"a\"},{\"s\":,}," + "{\"s\":\"a\"},".repeat(10_000) + "{}]";
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		root.addAppender(logged);
		try {
			for (int i = 0; i < 3; i++) {
				Api.refused(this.api.postRows(id, MediaType.APPLICATION_NDJSON, ndjson), 400, "malformed-request");
				Api.refused(this.api.postRows(id, MediaType.APPLICATION_JSON, array), 400, "malformed-request");
			}
			// a load afterwards uses the buffers and connections that were given back
			this.api.load(id, MediaType.APPLICATION_NDJSON, "{\"s\":\"a\"}\n".repeat(5_000), 5_000);
		}
		finally {
			root.detachAppender(logged);
		}
		assertThat(logged.list)
			.filteredOn((event) -> event.getLevel() == Level.ERROR || refcountError(event.getThrowableProxy()))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
		assertThat(this.api.rows(id)).hasSize(5_000);
	}

	private static boolean refcountError(IThrowableProxy thrown) {
		for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause.getClassName().endsWith("IllegalReferenceCountException")) {
				return true;
			}
		}
		return false;
	}

	@Test
	void overlongUtf8InARowBodyIsMalformed() {
		long id = this.api.createTable("Bytes", Map.of("s", "text"));
		for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xC3 } }) {
			byte[] before = "{\"s\": \"a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
			byte[] after = "b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
			byte[] body = new byte[before.length + bad.length + after.length];
			System.arraycopy(before, 0, body, 0, before.length);
			System.arraycopy(bad, 0, body, before.length, bad.length);
			System.arraycopy(after, 0, body, before.length + bad.length, after.length);
			Api.refused(this.api.postRow(id, body), 400, "malformed-request");
			Api.refused(this.api.postRows(id, MediaType.APPLICATION_NDJSON, body), 400, "malformed-request");
		}
		assertThat(this.api.rows(id)).isEmpty();
		this.api.insert(id, Map.of("s", "a/b \u00e9 \ud83d\ude00"));
		assertThat(this.api.rows(id)).singleElement()
			.satisfies((row) -> assertThat(row.get("s")).isEqualTo("a/b \u00e9 \ud83d\ude00"));
	}

	@Test
	void aQueryParameterNamedWithControlCharactersIsRefusedAsAParameter() {
		long id = this.api.createTable("Controls", Map.of("s", "string"));
		for (String path : List.of("/api/table/" + id, "/api/table/" + id + "/history",
				"/api/table/" + id + "/openapi.json", "/api/table/" + id + "/rows", "/api/admin/roles/admin")) {
			for (String query : List.of("?%00=1", "?%01", "?s%00=eq.1")) {
				Api.refused(this.http.get().uri(Api.raw(path + query)).exchange(), 400, "invalid-parameter");
			}
		}
	}

	@Test
	void theEventsOfATableThatDoesNotExistAre404NotAStream() {
		this.http.get()
			.uri("/api/table/{id}/events", 987654321)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(404)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("table-not-found");
	}

	@Test
	void aLoneSurrogateNeverBecomesATableName() {
		long id = this.api.createTable("Plain", Map.of("a", "string"));
		this.http.patch()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"x\\ud800\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/name");
		assertThat(this.api.table(id).get("name")).isEqualTo("Plain");
	}

	@Test
	void anAcceptNothingJsonCanAnswerIs406BeforeAnythingRuns() {
		long id = this.api.createTable("Xml", Map.of("a", "string"));
		for (String path : List.of("/api/table/" + id, "/api/table/" + id + "/rows", "/api/table",
				"/api/table/" + id + "/history")) {
			this.http.get()
				.uri(path)
				.accept(MediaType.APPLICATION_XML)
				.exchange()
				.expectStatus()
				.isEqualTo(406)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("not-acceptable");
		}
		this.http.post()
			.uri("/api/table/{id}/row", id)
			.accept(MediaType.APPLICATION_XML)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("a", "x"))
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("not-acceptable");
		assertThat(this.api.rows(id)).isEmpty();
		this.http.get()
			.uri("/api/table/{id}/rows", id)
			.accept(MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private int tableCount() {
		return this.http.get()
			.uri("/api/table")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody()
			.size();
	}

}
