package io.dyntables.command.web;

import java.security.Principal;
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
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The audit headers of a request, each at most {@value #MAX_LENGTH} characters without
 * control characters, else refused with 400 naming the header. Every response carries an
 * {@code X-Request-Id}: the client's, or a generated one when the client sent none. A
 * client's id that fails the checks is refused on every request, before any handler runs
 * (as the first handler mapping, so the refusal is rendered like every other), and the
 * refusal carries a generated id. A command handler that takes an {@link Audit} parameter
 * gets the other headers checked too and sends them with the command, whose events then
 * carry them. The actor is the principal the request's credential proved (the name of the
 * exchange's principal), never a header: {@code X-Actor} is kept only as an "on behalf
 * of" note beside it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuditHeaders implements WebFilter, HandlerMapping, HandlerMethodArgumentResolver, WebFluxConfigurer {

	static final String ACTOR = "X-Actor";

	static final String REQUEST_ID = "X-Request-Id";

	static final String REASON = "X-Change-Reason";

	static final int MAX_LENGTH = 200;

	private static final String ATTRIBUTE = AuditHeaders.class.getName() + ".requestId";

	private static final String REFUSAL = AuditHeaders.class.getName() + ".requestIdRefusal";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
		String problem = (given != null) ? problem(given) : null;
		String requestId = (given != null && problem == null) ? given : UUID.randomUUID().toString();
		if (problem != null) {
			exchange.getAttributes().put(REFUSAL, "header " + REQUEST_ID + " " + problem);
		}
		exchange.getAttributes().put(ATTRIBUTE, requestId);
		exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
		return chain.filter(exchange);
	}

	/**
	 * Maps nothing; refuses a request whose {@code X-Request-Id} failed the checks before
	 * any other mapping finds it a handler.
	 */
	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		String refusal = exchange.getAttribute(REFUSAL);
		return (refusal != null) ? Mono.error(new RefusedException(ErrorCode.INVALID_PARAMETER, "", refusal))
				: Mono.empty();
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
		return exchange.getPrincipal()
			.map(Principal::getName)
			.defaultIfEmpty(Audit.ANONYMOUS)
			.map((principal) -> audit(exchange, principal));
	}

	static Audit audit(ServerWebExchange exchange, String principal) {
		ServerHttpRequest request = exchange.getRequest();
		String onBehalfOf = header(request, ACTOR);
		String reason = header(request, REASON);
		String requestId = exchange.getAttribute(ATTRIBUTE);
		if (requestId == null) {
			requestId = UUID.randomUUID().toString();
		}
		return new Audit(principal, (onBehalfOf == null || onBehalfOf.isBlank()) ? null : onBehalfOf, requestId,
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
