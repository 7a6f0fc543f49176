package io.dyntables.query.rows;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;

/**
 * Reads a JSON array request body row by row with the application's JSON codec, so the
 * body size limit applies to each row and the array is limited by its number of rows, not
 * by its size. Anything but an array (an object, nothing) is refused, as it would be if
 * the array were read whole.
 */
@Component
class JsonArrayBody {

	private static final ResolvableType ROW = ResolvableType.forClassWithGenerics(Map.class, String.class,
			Object.class);

	private final HttpMessageReader<?> json;

	JsonArrayBody(ServerCodecConfigurer codecs) {
		this.json = codecs.getReaders()
			.stream()
			.filter((reader) -> reader.canRead(ROW, MediaType.APPLICATION_JSON))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no JSON reader configured"));
	}

	/** The rows of the request's JSON array body, as they are read. */
	@SuppressWarnings("unchecked")
	Flux<Map<String, Object>> rows(ServerHttpRequest request) {
		AtomicBoolean started = new AtomicBoolean();
		Flux<DataBuffer> body = request.getBody().<DataBuffer>handle((buffer, sink) -> {
			if (!started.get()) {
				for (int i = buffer.readPosition(); i < buffer.writePosition(); i++) {
					byte next = buffer.getByte(i);
					if (next != ' ' && next != '\t' && next != '\r' && next != '\n') {
						started.set(true);
						if (next != '[') {
							DataBufferUtils.release(buffer);
							sink.error(notAnArray());
							return;
						}
						break;
					}
				}
			}
			sink.next(buffer);
		}).concatWith(Mono.defer(() -> started.get() ? Mono.empty() : Mono.error(notAnArray())));
		ServerHttpRequest array = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return body;
			}
		};
		return ((HttpMessageReader<Map<String, Object>>) this.json).read(ROW, array, Map.of());
	}

	private static ServerWebInputException notAnArray() {
		return new ServerWebInputException("the request body must be a JSON array of rows");
	}

}
