package io.dyntables.deploy.web;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a JSON or NDJSON request body that is not well-formed UTF-8 (400
 * {@code malformed-request}), as the body streams in: the JSON parser would read an
 * overlong {@code C0 AF} as {@code /} and store it. Bodies declared in another charset
 * are left to the parser.
 */
@Component
class StrictUtf8Filter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !isJson(type)) {
			return chain.filter(exchange);
		}
		ServerHttpRequest checked = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				Utf8Check check = new Utf8Check();
				return super.getBody().map((buffer) -> checked(buffer, check)).concatWith(Mono.defer(() -> {
					if (!check.complete()) {
						return Mono.error(malformed("the request body ends inside a UTF-8 sequence"));
					}
					return Mono.empty();
				}));
			}
		};
		return chain.filter(exchange.mutate().request(checked).build());
	}

	private static boolean isJson(MediaType type) {
		String subtype = type.getSubtype();
		String charset = type.getParameter("charset");
		return type.getType().equals("application")
				&& (subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("x-ndjson"))
				&& (charset == null || charset.replace("\"", "").equalsIgnoreCase("UTF-8"));
	}

	private static DataBuffer checked(DataBuffer buffer, Utf8Check check) {
		boolean wellFormed = true;
		// the bytes as the buffer holds them, read without a reference count check
		// each
		try (DataBuffer.ByteBufferIterator pieces = buffer.readableByteBuffers()) {
			while (wellFormed && pieces.hasNext()) {
				wellFormed = check.accept(pieces.next());
			}
		}
		if (!wellFormed) {
			DataBufferUtils.release(buffer);
			throw malformed("the request body is not well-formed UTF-8 (byte " + check.position()
					+ ": overlong forms, encoded surrogates and bytes no UTF-8 sequence starts with are refused)");
		}
		return buffer;
	}

	private static RefusedException malformed(String detail) {
		return new RefusedException(ErrorCode.MALFORMED_REQUEST, "", detail);
	}

}
