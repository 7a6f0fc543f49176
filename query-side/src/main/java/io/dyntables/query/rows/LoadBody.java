package io.dyntables.query.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.AbstractJacksonDecoder;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Reads the rows of a load's request body as they arrive, with Jackson's non-blocking
 * parser and the application's JSON settings: a JSON array of row objects, or NDJSON, one
 * row object per line. Any other shape (an element or line that is an array, null or a
 * number, two objects on one line, content after the array, a body that ends inside the
 * array) is refused with 400 naming the row, where reading the body as a stream of maps
 * with the JSON codec silently skipped nested arrays and nulls. The codec's size limit
 * applies to each row, so a load is limited by its number of rows, not its size. Each
 * buffer of the body is copied out and released at once, here and only here (the codec
 * released a buffer twice when it refused a body).
 */
@Component
class LoadBody {

	/** The two shapes of a load's body. */
	enum Shape {

		JSON_ARRAY, NDJSON

	}

	private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
	};

	private final ObjectMapper mapper;

	private final ObjectReader rows;

	/** The most bytes of one row, or -1 for no limit. */
	private final int maxRowSize;

	LoadBody(ServerCodecConfigurer codecs) {
		AbstractJacksonDecoder<?> json = codecs.getReaders()
			.stream()
			.filter(DecoderHttpMessageReader.class::isInstance)
			.map((reader) -> ((DecoderHttpMessageReader<?>) reader).getDecoder())
			.filter(AbstractJacksonDecoder.class::isInstance)
			.map((decoder) -> (AbstractJacksonDecoder<?>) decoder)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no JSON decoder configured"));
		this.mapper = json.getMapper();
		this.rows = this.mapper.readerFor(ROW);
		this.maxRowSize = json.getMaxInMemorySize();
	}

	/** The rows of the request's body, in the given shape, as they are read. */
	Flux<Map<String, Object>> rows(ServerHttpRequest request, Shape shape) {
		return Flux.defer(() -> {
			Rows rows = new Rows(shape);
			return request.getBody()
				.map(LoadBody::copied)
				.concatMapIterable(rows::read)
				.concatWith(Flux.defer(() -> Flux.fromIterable(rows.end())));
		});
	}

	/** The bytes of a buffer, which is released. */
	private static byte[] copied(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/** The rows of one body: its parser, and where in the shape the parser is. */
	private final class Rows {

		private final Shape shape;

		private final JsonParser parser;

		private final ByteArrayFeeder feeder;

		/** The row being read, or null between rows. */
		private TokenBuffer row;

		/** The objects and arrays open in the row being read. */
		private int depth;

		/** The byte offset where the row being read began. */
		private long rowStart;

		/** The line the last row ended on (NDJSON). */
		private int lastRowLine;

		/** The rows read so far: the index of the next one. */
		private long index;

		private boolean arrayOpened;

		private boolean arrayClosed;

		/** Whether the whole body was fed to the parser. */
		private boolean ended;

		Rows(Shape shape) {
			this.shape = shape;
			this.parser = LoadBody.this.mapper.createNonBlockingByteArrayParser();
			this.feeder = (ByteArrayFeeder) this.parser.nonBlockingInputFeeder();
		}

		/** The rows the bytes complete. */
		List<Map<String, Object>> read(byte[] bytes) {
			try {
				this.feeder.feedInput(bytes, 0, bytes.length);
			}
			catch (JacksonException ex) {
				throw malformed(ex);
			}
			return tokens();
		}

		/**
		 * The rows the end of the body completes; refused if it ends inside the shape.
		 */
		List<Map<String, Object>> end() {
			this.feeder.endOfInput();
			this.ended = true;
			List<Map<String, Object>> last = tokens();
			if (this.shape == Shape.JSON_ARRAY && !this.arrayOpened) {
				throw notAnArray();
			}
			if (this.row != null || (this.shape == Shape.JSON_ARRAY && !this.arrayClosed)) {
				throw cutShort();
			}
			return last;
		}

		private RefusedException cutShort() {
			return (this.row != null) ? refused("the body ends inside row " + this.index)
					: refused("the body ends before the array is closed with ']'");
		}

		private List<Map<String, Object>> tokens() {
			List<Map<String, Object>> complete = new ArrayList<>();
			try {
				JsonToken token = this.parser.nextToken();
				while (token != null && token != JsonToken.NOT_AVAILABLE) {
					Map<String, Object> row = next(token);
					if (row != null) {
						complete.add(row);
					}
					token = this.parser.nextToken();
				}
			}
			catch (JacksonException ex) {
				throw malformed(ex);
			}
			int max = LoadBody.this.maxRowSize;
			if (this.row != null && max >= 0 && this.parser.currentLocation().getByteOffset() - this.rowStart > max) {
				throw new DataBufferLimitException("row " + this.index + " exceeds the limit of " + max + " bytes");
			}
			return complete;
		}

		/** The row the token completes, or null. */
		private Map<String, Object> next(JsonToken token) {
			if (this.row != null) {
				this.row.copyCurrentEvent(this.parser);
				if (token.isStructStart()) {
					this.depth++;
				}
				else if (token.isStructEnd() && --this.depth == 0) {
					return finished();
				}
				return null;
			}
			if (this.shape == Shape.NDJSON) {
				if (token != JsonToken.START_OBJECT) {
					throw refused("row " + this.index + " is " + described(token)
							+ ", not a JSON object: NDJSON holds one row object per line");
				}
				if (this.index > 0 && this.parser.currentTokenLocation().getLineNr() == this.lastRowLine) {
					throw refused("row " + this.index + " starts on the line where row " + (this.index - 1)
							+ " ends: NDJSON holds one row object per line");
				}
				begin();
				return null;
			}
			if (!this.arrayOpened) {
				if (token != JsonToken.START_ARRAY) {
					throw notAnArray();
				}
				this.arrayOpened = true;
			}
			else if (this.arrayClosed) {
				throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "",
						"content follows the end of the array: the body must be one JSON array of rows");
			}
			else if (token == JsonToken.END_ARRAY) {
				this.arrayClosed = true;
			}
			else if (token == JsonToken.START_OBJECT) {
				begin();
			}
			else {
				throw refused("row " + this.index + " is " + described(token) + ", not a JSON object");
			}
			return null;
		}

		private void begin() {
			this.row = TokenBuffer.forBuffering(this.parser, this.parser.objectReadContext());
			this.row.forceUseOfBigDecimal(
					LoadBody.this.mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));
			this.row.copyCurrentEvent(this.parser);
			this.depth = 1;
			this.rowStart = this.parser.currentTokenLocation().getByteOffset();
		}

		private Map<String, Object> finished() {
			try (JsonParser tokens = this.row.asParser(this.parser.objectReadContext())) {
				Map<String, Object> read = LoadBody.this.rows.readValue(tokens);
				this.row = null;
				this.lastRowLine = this.parser.currentTokenLocation().getLineNr();
				this.index++;
				return read;
			}
		}

		private RefusedException malformed(JacksonException ex) {
			if (this.arrayClosed) {
				return new RefusedException(ErrorCode.MALFORMED_REQUEST, "",
						"content follows the end of the array: the body must be one JSON array of rows");
			}
			if (this.ended) {
				return cutShort();
			}
			if (this.shape == Shape.NDJSON && this.row == null && this.index > 0
					&& this.parser.currentLocation().getLineNr() == this.lastRowLine) {
				return new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + (this.index - 1), "content follows row "
						+ (this.index - 1) + " on its line: NDJSON holds one row object per line");
			}
			return refused("row " + this.index + " is not valid JSON: " + ex.getOriginalMessage());
		}

		private RefusedException refused(String detail) {
			return new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + this.index, detail);
		}

		private static String described(JsonToken token) {
			return switch (token) {
				case START_ARRAY -> "an array";
				case VALUE_NULL -> "null";
				case VALUE_STRING -> "a string";
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
				case VALUE_TRUE, VALUE_FALSE -> "a boolean";
				default -> "not a value";
			};
		}

		private static RefusedException notAnArray() {
			return new RefusedException(ErrorCode.MALFORMED_REQUEST, "",
					"the request body must be a JSON array of rows");
		}

	}

}
