package io.dyntables.query.rows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.dyntables.query.rows.ListingRequest.Format;
import io.dyntables.query.rows.ListingRunner.Listed;
import io.dyntables.query.rows.ListingRunner.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a listing as JSON, NDJSON or CSV (RFC 4180, with a header row). Rows go out in
 * chunks as the database returns them, with backpressure, so an export of any size takes
 * constant memory; a page is read whole first, to know whether a next page exists.
 */
@Component
class RowWriter {

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	/** The header with the row count asked for with {@code count}. */
	static final String TOTAL_COUNT = "X-Total-Count";

	private static final int ROWS_PER_CHUNK = 256;

	/** Writes rows one per line. */
	private final ObjectWriter lines;

	/** Writes rows separated by commas. */
	private final ObjectWriter elements;

	RowWriter(JsonMapper mapper) {
		this.lines = mapper.writer().withRootValueSeparator("\n");
		this.elements = mapper.writer().withRootValueSeparator(",");
	}

	Mono<Void> write(Listed listed, ServerWebExchange exchange) {
		ListingPlan plan = listed.plan();
		Format format = (plan.format() != null) ? plan.format() : negotiate(exchange);
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentType(switch (format) {
			case JSON -> MediaType.APPLICATION_JSON;
			case NDJSON -> MediaType.APPLICATION_NDJSON;
			case CSV -> TEXT_CSV;
		});
		return listed.count()
			.doOnNext((count) -> response.getHeaders().set(TOTAL_COUNT, Long.toString(count)))
			.then(listed.page())
			.flatMap((page) -> {
				link(page, exchange);
				return response.writeWith(encode(plan, format, page.rows(), response.bufferFactory()));
			});
	}

	/**
	 * The next page's link: this request's path and query as the client sent them, with
	 * the cursor replaced (base64url needs no encoding).
	 */
	private static void link(Page page, ServerWebExchange exchange) {
		if (page.next() == null) {
			return;
		}
		URI uri = exchange.getRequest().getURI();
		StringBuilder next = new StringBuilder(uri.getRawPath()).append('?');
		String query = uri.getRawQuery();
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (!parameter.isEmpty() && !parameter.equals("after") && !parameter.startsWith("after=")) {
					next.append(parameter).append('&');
				}
			}
		}
		next.append("after=").append(page.next());
		exchange.getResponse().getHeaders().add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
	}

	private static Format negotiate(ServerWebExchange exchange) {
		for (MediaType accepted : exchange.getRequest().getHeaders().getAccept()) {
			if (accepted.isCompatibleWith(MediaType.APPLICATION_NDJSON) && !accepted.isWildcardType()
					&& !accepted.isWildcardSubtype()) {
				return Format.NDJSON;
			}
			if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
				return Format.CSV;
			}
			if (accepted.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return Format.JSON;
			}
		}
		return Format.JSON;
	}

	private Flux<DataBuffer> encode(ListingPlan plan, Format format, Flux<Map<String, Object>> rows,
			DataBufferFactory buffers) {
		return switch (format) {
			case JSON -> framed(rows, buffers, "[", ",", "]", (chunk, out) -> {
				try (SequenceWriter elements = this.elements.writeValues(out)) {
					elements.writeAll(chunk);
				}
			});
			case NDJSON -> framed(rows, buffers, "", "", "", (chunk, out) -> {
				try (SequenceWriter lines = this.lines.writeValues(out)) {
					lines.writeAll(chunk);
				}
				out.write('\n');
			});
			case CSV -> framed(rows, buffers, csvLine(plan.output()), "", "", (chunk, out) -> {
				StringBuilder text = new StringBuilder(chunk.size() * 128);
				for (Map<String, Object> row : chunk) {
					text.append(csvLine(row.values()));
				}
				out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
			});
		};
	}

	/**
	 * The rows in chunks, the opening written with the first chunk: nothing is sent (and
	 * the answer is not committed) before the database has answered, so a statement that
	 * fails at once is still answered as a problem.
	 */
	private static Flux<DataBuffer> framed(Flux<Map<String, Object>> rows, DataBufferFactory buffers, String opening,
			String separator, String closing, BiConsumer<List<Map<String, Object>>, ByteArrayOutputStream> writer) {
		boolean[] started = { false };
		return rows.buffer(ROWS_PER_CHUNK).map((chunk) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.size() * 128);
			out.writeBytes((started[0] ? separator : opening).getBytes(StandardCharsets.UTF_8));
			started[0] = true;
			writer.accept(chunk, out);
			return buffers.wrap(out.toByteArray());
		})
			.concatWith(Mono.fromSupplier(() -> (started[0] ? closing : opening + closing))
				.filter((end) -> !end.isEmpty())
				.map((end) -> buffers.wrap(end.getBytes(StandardCharsets.UTF_8))));
	}

	/** One CSV record, CRLF-terminated; a null is an empty field, an empty text "". */
	static String csvLine(Iterable<?> values) {
		StringBuilder line = new StringBuilder();
		boolean first = true;
		for (Object value : values) {
			if (!first) {
				line.append(',');
			}
			first = false;
			if (value == null) {
				continue;
			}
			String text = (value instanceof BigDecimal decimal) ? decimal.toPlainString()
					: (value instanceof RawValue raw) ? String.valueOf(raw.rawValue()) : value.toString();
			line.append(csvField(text));
		}
		return line.append("\r\n").toString();
	}

	private static String csvField(String text) {
		if (text.isEmpty()) {
			return "\"\"";
		}
		boolean quote = false;
		for (int i = 0; i < text.length() && !quote; i++) {
			char c = text.charAt(i);
			quote = c == ',' || c == '"' || c == '\r' || c == '\n';
		}
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

}
