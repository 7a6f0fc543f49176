package io.dyntables.deploy.web;

import java.util.List;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a refusal from a web filter, before any handler runs, exactly as
 * {@link ProblemDetailsAdvice} renders it from a handler: the same Problem Details body,
 * status and headers, with the application's codecs.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemWriter {

	private final ServerResponse.Context writers;

	ProblemWriter(ServerCodecConfigurer codecs) {
		this.writers = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	/** Answers the exchange with the refusal, adding the given headers. */
	public Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail, HttpHeaders headers) {
		ResponseEntity<ProblemDetail> answer = ProblemDetailsAdvice.answer(List.of(Refusal.of(code, "", detail)),
				exchange.getRequest().getPath().value());
		return ServerResponse.status(answer.getStatusCode()).headers((all) -> {
			all.addAll(answer.getHeaders());
			all.addAll(headers);
		}).bodyValue(answer.getBody()).flatMap((response) -> response.writeTo(exchange, this.writers));
	}

}
