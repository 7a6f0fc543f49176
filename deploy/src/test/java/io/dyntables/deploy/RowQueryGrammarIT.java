package io.dyntables.deploy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing grammar on a real table of every field type, with nulls: each operator, the
 * logic, full-text search and aggregates answer what the same query written by hand in
 * SQL answers when run straight on the table; hostile and oversized input is refused with
 * 400 naming the parameter, quickly, and leaves the table as it was.
 */
@DyntablesIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowQueryGrammarIT {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	private static final String UUID_1 = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

	private static final String UUID_2 = "b1eebc99-9c0b-4ef8-bb6d-6bb9bd380a12";

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	long table;

	String physical;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
		if (this.table != 0) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("s", Map.of("type", "string", "maxLength", 50, "required", false));
		fields.put("t", optional("text"));
		fields.put("i", optional("integer"));
		fields.put("b", optional("bigint"));
		fields.put("dec", Map.of("type", "decimal", "precision", 10, "scale", 2, "required", false));
		fields.put("f", optional("float"));
		fields.put("flag", optional("boolean"));
		fields.put("d", optional("date"));
		fields.put("ts", optional("timestamp"));
		fields.put("u", optional("uuid"));
		fields.put("j", optional("json"));
		this.table = this.api.createTable("Grammar", fields);
		this.physical = this.jdbc.queryForObject("SELECT physical_name FROM dyntables.table_ref WHERE id = ?",
				String.class, this.table);
		insert("alpha", "The quick brown fox jumps over the lazy dog", 10, 100L, "1.50", 1.5, true, "2020-01-01",
				"2020-01-01T10:00:00Z", UUID_1, Map.of("a", 1));
		insert("beta, gamma", "Lazy dogs sleep all day", 20, -5L, "2.25", -0.5, false, "2021-06-15",
				"2021-06-15T12:30:00Z", UUID_2, List.of(1));
		insert("o'hara (the) \"one\"", "A fox and a dog", 30, null, null, "NaN", null, "infinity", "-infinity", null,
				null);
		insert(null, null, null, null, null, null, null, null, null, null, null);
		insert("Alpha", "quick thinking foxes", -7, Long.MAX_VALUE, "-3.00", 1e300, true, "1999-12-31",
				"1999-12-31T23:59:59.999999Z", UUID_1, null);
		insert("delta", "the dog ran", 20, 100L, "1.50", 1.5, false, "2020-01-01", "2020-01-01T10:00:00Z", null,
				"text");
	}

	private static Map<String, Object> optional(String type) {
		return Map.of("type", type, "required", false);
	}

	private void insert(String s, String t, Integer i, Long b, String dec, Object f, Boolean flag, String d, String ts,
			String u, Object j) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("s", s);
		row.put("t", t);
		row.put("i", i);
		row.put("b", b);
		row.put("dec", (dec != null) ? new BigDecimal(dec) : null);
		row.put("f", f);
		row.put("flag", flag);
		row.put("d", d);
		row.put("ts", ts);
		row.put("u", u);
		row.put("j", j);
		this.api.insert(this.table, row);
	}

	/** The query string of the parameters, every name and value percent-encoded. */
	private static String query(String... pairs) {
		StringJoiner query = new StringJoiner("&");
		for (int i = 0; i < pairs.length; i += 2) {
			query.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
		}
		return query.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String rows() {
		return "/api/table/" + this.table + "/rows?";
	}

	/** The ids the listing answers. */
	private List<Long> ids(String... pairs) {
		return this.api.rowsOf(rows() + query(pairs))
			.stream()
			.map((row) -> ((Number) row.get("id")).longValue())
			.sorted()
			.toList();
	}

	/** The ids of the rows meeting the condition, straight from the table. */
	private List<Long> where(String condition) {
		return this.jdbc.queryForList(
				"SELECT id FROM dyntables_data.\"" + this.physical + "\" WHERE " + condition + " ORDER BY id",
				Long.class);
	}

	/** The listing answers the rows the SQL condition selects, and some rows at all. */
	private void same(String condition, String... pairs) {
		List<Long> expected = where(condition);
		assertThat(ids(pairs)).as(String.join(" ", pairs) + " against " + condition).isEqualTo(expected);
	}

	private void sameAndSome(String condition, String... pairs) {
		assertThat(where(condition)).as(condition).isNotEmpty();
		same(condition, pairs);
	}

	private void refused(String pointer, String... pairs) {
		this.http.get()
			.uri(Api.raw(rows() + query(pairs)))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid-parameter")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo(pointer);
	}

	@Test
	void everyComparisonOfEveryTypeMatchesSql() {
		sameAndSome("s = 'alpha'", "s", "eq.alpha");
		sameAndSome("s <> 'alpha'", "s", "neq.alpha");
		sameAndSome("s > 'beta'", "s", "gt.beta");
		sameAndSome("s LIKE 'al%'", "s", "like.al*");
		sameAndSome("s ILIKE 'al%'", "s", "ilike.al*");
		sameAndSome("s IN ('alpha', 'beta, gamma', 'o''hara (the) \"one\"')", "s",
				"in.(alpha,\"beta, gamma\",\"o'hara (the) \\\"one\\\"\")");
		sameAndSome("t >= 'The'", "t", "gte.The");
		sameAndSome("i > 15", "i", "gt.15");
		sameAndSome("i <= 10", "i", "lte.10");
		sameAndSome("i IN (20, 30)", "i", "in.(20,30)");
		sameAndSome("b = 9223372036854775807", "b", "eq.9223372036854775807");
		sameAndSome("b < 0", "b", "lt.0");
		sameAndSome("dec >= 1.5", "dec", "gte.1.5");
		sameAndSome("dec > 1.505", "dec", "gt.1.505");
		sameAndSome("f = 'NaN'::float8", "f", "eq.NaN");
		sameAndSome("f > 1e299", "f", "gt.1e299");
		sameAndSome("flag = true", "flag", "eq.true");
		sameAndSome("d > '2020-01-01'", "d", "gt.2020-01-01");
		sameAndSome("d = 'infinity'", "d", "eq.infinity");
		sameAndSome("ts < '2020-01-01T10:00:00Z'", "ts", "lt.2020-01-01T10:00:00Z");
		sameAndSome("u = '" + UUID_1 + "'", "u", "eq." + UUID_1);
		sameAndSome("u IN ('" + UUID_1 + "', '" + UUID_2 + "')", "u", "in.(" + UUID_1 + "," + UUID_2 + ")");
		sameAndSome("id >= 3", "id", "gte.3");
	}

	@Test
	void isAndNotMatchSqlWithItsNulls() {
		sameAndSome("s IS NULL", "s", "is.null");
		sameAndSome("s IS NOT NULL", "s", "is.not_null");
		sameAndSome("s IS NOT NULL", "s", "not.is.null");
		sameAndSome("j IS NULL", "j", "is.null");
		sameAndSome("j IS NOT NULL", "j", "is.notnull");
		sameAndSome("flag IS TRUE", "flag", "is.true");
		sameAndSome("flag IS FALSE", "flag", "is.false");
		sameAndSome("flag IS UNKNOWN", "flag", "is.unknown");
		sameAndSome("NOT (flag IS TRUE)", "flag", "not.is.true");
		// not is SQL's: a null compares as unknown, and so does its negation
		sameAndSome("NOT (i = 20)", "i", "not.eq.20");
		sameAndSome("NOT (s IN ('alpha', 'delta'))", "s", "not.in.(alpha,delta)");
		sameAndSome("NOT (s LIKE '%a')", "s", "not.like.*a");
		sameAndSome("NOT (d > '2020-06-01')", "d", "not.gt.2020-06-01");
	}

	@Test
	void logicNestsAndNegatesAsSqlDoes() {
		sameAndSome("i < 0 OR i > 25", "or", "(i.lt.0,i.gt.25)");
		sameAndSome("i >= 10 AND (s = 'alpha' OR s IS NULL OR b = 100)", "and",
				"(i.gte.10,or(s.eq.alpha,s.is.null,b.eq.100))");
		sameAndSome("i = 10 OR (b = 100 AND flag = false)", "or", "(i.eq.10,and(b.eq.100,flag.is.false))");
		sameAndSome("NOT (i = 10 OR i IS NULL)", "not.or", "(i.eq.10,i.is.null)");
		sameAndSome("NOT (i > 0 AND flag IS TRUE)", "not.and", "(i.gt.0,flag.is.true)");
		sameAndSome("i = 20 OR NOT (s IS NULL OR s LIKE 'a%')", "or", "(i.eq.20,not.or(s.is.null,s.like.a*))");
		sameAndSome("s = 'beta, gamma' OR s = 'o''hara (the) \"one\"'", "or",
				"(s.eq.\"beta, gamma\",s.eq.\"o'hara (the) \\\"one\\\"\")");
		sameAndSome("(i IN (20, 30) OR d = 'infinity') AND NOT (u IS NULL)", "or", "(i.in.(20,30),d.eq.infinity)", "u",
				"not.is.null");
		sameAndSome("(i < 0 OR i > 25) AND (b = 100 OR b IS NULL)", "or", "(i.lt.0,i.gt.25)", "and",
				"(or(b.eq.100,b.is.null))");
		sameAndSome("(s = 'alpha' OR ts > '2021-01-01') AND (dec < 2 OR f < 0)", "or",
				"(s.eq.alpha,ts.gt.2021-01-01T00:00:00Z)", "or", "(dec.lt.2,f.lt.0)");
		same("FALSE", "and", "(i.eq.10,i.eq.20)");
		// sixteen levels are answered
		sameAndSome("i = 10", "or", "(" + "and(".repeat(15) + "i.eq.10" + ")".repeat(16));
	}

	@Test
	void fullTextSearchMatchesSqlWithAndWithoutLanguage() {
		sameAndSome("to_tsvector('english', t) @@ to_tsquery('english', 'fox & dog')", "t", "fts(english).fox & dog");
		sameAndSome("to_tsvector('english', t) @@ plainto_tsquery('english', 'quick foxes')", "t",
				"plfts(english).quick foxes");
		sameAndSome("to_tsvector('english', t) @@ phraseto_tsquery('english', 'lazy dog')", "t",
				"phfts(english).lazy dog");
		sameAndSome("to_tsvector('english', t) @@ websearch_to_tsquery('english', 'dog -lazy')", "t",
				"wfts(english).dog -lazy");
		sameAndSome("to_tsvector(t) @@ to_tsquery('dog')", "t", "fts.dog");
		sameAndSome("to_tsvector('simple', s) @@ to_tsquery('simple', 'alpha')", "s", "fts(simple).alpha");
		sameAndSome("NOT (to_tsvector('english', t) @@ to_tsquery('english', 'fox'))", "t", "not.fts(english).fox");
		sameAndSome("to_tsvector('english', t) @@ to_tsquery('english', 'fox') OR i = 20", "or",
				"(t.fts(english).fox,i.eq.20)");
		refused("/query/t", "t", "fts(no_such_language).fox");
		refused("/query/or", "or", "(i.eq.1,t.fts(no_such_language).fox)");
		refused("/query/t", "t", "fts(english).fox & ");
		refused("/query/i", "i", "fts.1");
		refused("/query/t", "t", "fts(english;drop).fox");
	}

	@Test
	void aggregatesMatchSqlGroupedByTheSelectedFields() {
		List<Map<String, Object>> answered = this.api
			.rowsOf(rows() + query("select", "flag,count(),n:count(i),sum(i),avg(dec),min(d),max(s),total:sum(b)"));
		List<Map<String, Object>> expected = this.jdbc.queryForList("SELECT flag::text, count(*)::text AS count, "
				+ "count(i)::text AS n, sum(i)::text AS sum, avg(dec)::text AS avg, min(d)::text AS min, "
				+ "max(s) AS max, sum(b)::text AS total FROM dyntables_data.\"" + this.physical
				+ "\" GROUP BY flag ORDER BY flag");
		assertThat(answered).hasSize(expected.size()).hasSize(3);
		for (int r = 0; r < expected.size(); r++) {
			Map<String, Object> row = answered.get(r);
			assertThat(row.keySet()).containsExactly("flag", "count", "n", "sum", "avg", "min", "max", "total");
			for (Map.Entry<String, Object> column : expected.get(r).entrySet()) {
				sameValue(row.get(column.getKey()), (String) column.getValue(), column.getKey());
			}
		}

		// filtered, without grouped fields: one row over every row selected
		List<Map<String, Object>> all = this.api
			.rowsOf(rows() + query("select", "count(),avg(f),min(ts),max(i)", "or", "(i.gt.0,s.is.null)"));
		Map<String, Object> sql = this.jdbc.queryForMap("SELECT count(*)::text AS count, avg(f)::text AS avg, "
				+ "max(i)::text AS max FROM dyntables_data.\"" + this.physical + "\" WHERE i > 0 OR s IS NULL");
		assertThat(all).hasSize(1);
		sameValue(all.get(0).get("count"), (String) sql.get("count"), "count");
		sameValue(all.get(0).get("max"), (String) sql.get("max"), "max");
		// avg over a NaN is NaN, answered as PostgreSQL writes it
		assertThat(all.get(0).get("avg")).isEqualTo("NaN");
		assertThat(sql.get("avg")).isEqualTo("NaN");
		assertThat(all.get(0).get("min")).isEqualTo("-infinity");

		// over no rows: a count of 0 and null sums
		assertThat(this.api.rowsOf(rows() + query("select", "count(),sum(i)", "i", "gt.1000")))
			.containsExactly(mapOf("count", 0, "sum", null));
	}

	@Test
	void groupsAreOrderedByAggregatesPagedAndCounted() {
		String[] grouped = { "select", "b,n:count(),sum(i)", "order", "n.desc,sum.asc" };
		List<Map<String, Object>> whole = this.api.rowsOf(rows() + query(grouped));
		List<Map<String, Object>> expected = this.jdbc
			.queryForList("SELECT b, count(*) AS n, sum(i) AS sum FROM dyntables_data.\"" + this.physical
					+ "\" GROUP BY b ORDER BY count(*) DESC, sum(i) ASC, b ASC");
		assertThat(whole).extracting((row) -> row.get("b") == null ? null : row.get("b").toString())
			.containsExactlyElementsOf(
					expected.stream().map((row) -> row.get("b") == null ? null : row.get("b").toString()).toList());
		assertThat(whole.get(0)).containsEntry("b", 100).containsEntry("n", 2).containsEntry("sum", 30);

		// pages of two groups, by the Link header, until none is left
		List<Map<String, Object>> paged = new ArrayList<>();
		String next = rows() + query(grouped) + "&limit=2&count=exact";
		int pages = 0;
		for (; next != null && pages < 10; pages++) {
			EntityExchangeResult<List<Map<String, Object>>> page = this.http.get()
				.uri(Api.raw(next))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Total-Count", Integer.toString(expected.size()))
				.expectBody(Json.LIST)
				.returnResult();
			paged.addAll(page.getResponseBody());
			String link = page.getResponseHeaders().getFirst("Link");
			Matcher matcher = (link != null) ? NEXT.matcher(link) : null;
			next = (matcher != null && matcher.find()) ? matcher.group(1) : null;
		}
		assertThat(paged).isEqualTo(whole);
		assertThat(pages).isEqualTo((expected.size() + 1) / 2);

		// the same groups as CSV and NDJSON
		String csv = this.api.text(rows() + query(grouped) + "&format=csv", MediaType.ALL);
		assertThat(csv).startsWith("b,n,sum\r\n100,2,30\r\n").hasLineCount(expected.size() + 1);
		String ndjson = this.api.text(rows() + query(grouped), MediaType.APPLICATION_NDJSON);
		assertThat(ndjson.lines().toList()).hasSize(expected.size());
		assertThat(Json.map(ndjson.lines().findFirst().orElseThrow())).isEqualTo(whole.get(0));
		this.http.get()
			.uri(Api.raw(rows() + query("select", "flag,count()", "count", "estimated")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("X-Total-Count");
	}

	@Test
	void refusesAggregatesTheirFieldsCannotTakeNamingSelectOrOrder() {
		refused("/query/select", "select", "sum(s)");
		refused("/query/select", "select", "avg(d)");
		refused("/query/select", "select", "min(u)");
		refused("/query/select", "select", "max(flag)");
		refused("/query/select", "select", "sum(j)");
		refused("/query/select", "select", "j,count()");
		refused("/query/select", "select", "median(i)");
		refused("/query/select", "select", "count(),count()");
		refused("/query/select", "select", "sum(nope)");
		refused("/query/order", "select", "flag,count()", "order", "i");
		refused("/query/after", "select", "flag,count()", "after", "eyJvIjoiaWQuYXNjIiwiayI6WzFdfQ");
	}

	@Test
	void hostileInputIsRefusedOrBoundNeverRun() {
		long before = count();
		same("s = 'x'' OR ''1''=''1'", "s", "eq.x' OR '1'='1");
		same("FALSE", "or", "(s.eq.\"x') OR TRUE --\",i.eq.-1)");
		refused("/query/or", "or", "(s.eq.x') OR TRUE --,i.eq.-1)");
		refused("/query/or", "or", "(s\";--.eq.1)");
		refused("/query/or", "or", "(s.eq.1;DELETE FROM x)x");
		refused("/query/t", "t", "fts(english') OR TRUE --).x");
		refused("/query/t", "t", "fts(pg_catalog.english).x");
		same("to_tsvector('english', t) @@ websearch_to_tsquery('english', 'x'')) OR TRUE --')", "t",
				"wfts(english).x')) OR TRUE --");
		refused("/query/select", "select", "sum(i);DROP TABLE x");
		refused("/query/select", "select", "x\":sum(i)");
		refused("/query/order", "select", "count()", "order", "count;DROP");
		// malformed parentheses and quotes
		for (String malformed : List.of("(i.eq.1", "(i.eq.1))", "((i.eq.1)", "(i.eq.\"1)", "(i.eq.1,)", "()", "(,)",
				"(i.in.(1,2)", "(or(i.eq.1)")) {
			refused("/query/or", "or", malformed);
		}
		refused("/query/not.or", "not.or", "i.eq.1");
		refused("/query/i", "i", "in.(1,\"2)");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void oversizedInputIsRefusedQuicklyNamingTheLimit() {
		Instant start = Instant.now();
		String deep = "(" + "or(".repeat(999) + "i.eq.1" + ")".repeat(1000);
		this.http.get()
			.uri(Api.raw(rows() + "or=" + deep))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/query/or")
			.jsonPath("$.errors[0].detail")
			.value((detail) -> assertThat(detail.toString()).contains("more than 16 levels deep"));
		refused("/query/or", "or", "(" + "and(".repeat(16) + "i.eq.1" + ")".repeat(17));

		String thousandAndOne = "in.(" + "1,".repeat(1000) + "1)";
		this.http.get()
			.uri(Api.raw(rows() + "i=" + thousandAndOne))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].detail")
			.value((detail) -> assertThat(detail.toString()).contains("1000 values"));
		StringBuilder conditions = new StringBuilder("(");
		for (int n = 0; n < 201; n++) {
			conditions.append((n > 0) ? "," : "").append("i.eq.").append(n);
		}
		refused("/query/or", "or", conditions.append(')').toString());

		// the request line has room for the listing's own limits: they answer, by name
		this.http.get()
			.uri(Api.raw(rows() + "i=in.(" + "1000000,".repeat(999) + "1)"))
			.exchange()
			.expectStatus()
			.isOk();
		refused("/query/i", "i", "in.(" + "1,".repeat(9999) + "1)");
		String fiveThousand = ("i.in.(" + "1000000,".repeat(999) + "1),").repeat(5);
		refused("/query/or", "or", "(" + fiveThousand + "i.eq.1)");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
	}

	private long count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM dyntables_data.\"" + this.physical + "\"", Long.class);
	}

	/** A value answered is the value PostgreSQL gives as text: numbers as numbers. */
	private static void sameValue(Object answered, String expected, String column) {
		if (expected == null) {
			assertThat(answered).as(column).isNull();
		}
		else if (answered instanceof Number number) {
			assertThat(new BigDecimal(number.toString())).as(column).isEqualByComparingTo(new BigDecimal(expected));
		}
		else {
			assertThat(String.valueOf(answered)).as(column).isEqualTo(expected);
		}
	}

	private static Map<String, Object> mapOf(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
