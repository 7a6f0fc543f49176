package io.dyntables.command.web;

import java.util.UUID;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The audit headers of a request. Every response carries an {@code X-Request-Id}: the
 * client's when it is acceptable, else a generated one. A command handler that takes an
 * {@link Audit} parameter gets the headers checked (at most {@value #MAX_LENGTH}
 * characters, no control characters; else 400 naming the header) and sends them with the
 * command, whose events then carry them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuditHeaders implements WebFilter, HandlerMethodArgumentResolver, WebFluxConfigurer {

	static final String ACTOR = "X-Actor";

	static final String REQUEST_ID = "X-Request-Id";

	static final String REASON = "X-Change-Reason";

	static final int MAX_LENGTH = 200;

	private static final String ATTRIBUTE = AuditHeaders.class.getName() + ".requestId";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
		String requestId = (given != null && problem(given) == null) ? given : UUID.randomUUID().toString();
		exchange.getAttributes().put(ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
		return chain.filter(exchange);
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Audit.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> audit(exchange));
	}

	static Audit audit(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		String actor = header(request, ACTOR);
		header(request, REQUEST_ID);
		String reason = header(request, REASON);
		String requestId = exchange.getAttribute(ATTRIBUTE);
		if (requestId == null) {
			requestId = UUID.randomUUID().toString();
		}
		return new Audit((actor == null || actor.isBlank()) ? Audit.ANONYMOUS : actor, requestId,
				(reason == null || reason.isBlank()) ? null : reason);
	}

	private static String header(ServerHttpRequest request, String name) {
		String value = request.getHeaders().getFirst(name);
		if (value == null) {
			return null;
		}
		String problem = problem(value);
		if (problem != null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "", "header " + name + " " + problem);
		}
		return value.strip();
	}

	/** What is wrong with a header value, or null. */
	private static String problem(String value) {
		if (value.length() > MAX_LENGTH) {
			return "is longer than " + MAX_LENGTH + " characters";
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			return "contains control characters";
		}
		return null;
	}

}
