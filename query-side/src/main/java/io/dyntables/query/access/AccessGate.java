package io.dyntables.query.access;

import java.util.List;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.AccessPolicy.Decision;
import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RouteActions;
import io.dyntables.api.access.RouteActions.Route;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;
import io.dyntables.query.catalog.SchemaCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Enforces the action each API route needs ({@link RouteActions}), before any handler
 * runs: deny by default. A table no grant of the caller applies to is answered 404
 * exactly as a missing one; a visible table without the action 403 naming the action; a
 * route about no single table needs the action on every table. Refusing as a handler
 * mapping (as the first after the audit headers) has them rendered as every other
 * problem. Handlers then get the {@link Caller} as a parameter, for what only they can
 * decide (the label of a new table, which tables a list shows, which fields and rows a
 * row request reaches). Denied schema changes are logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AccessGate implements HandlerMapping, HandlerMethodArgumentResolver, WebFluxConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AccessGate.class);

	private static final String CALLER = AccessGate.class.getName() + ".caller";

	private final RoleGrants grants;

	private final SchemaCache schemas;

	AccessGate(RoleGrants grants, SchemaCache schemas) {
		this.grants = grants;
		this.schemas = schemas;
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!RouteActions.isApi(path)) {
			return Mono.empty();
		}
		return caller(exchange).flatMap((caller) -> {
			if (caller.unrestricted()) {
				return Mono.empty();
			}
			String method = exchange.getRequest().getMethod().name();
			Route route = RouteActions.of(method.equals("HEAD") ? "GET" : method, path).orElse(null);
			if (route == null) {
				return Mono.error(new RefusedException(ErrorCode.NOT_FOUND, "", "no such resource"));
			}
			return this.grants.of(caller).flatMap((granted) -> check(caller, granted, route, path));
		});
	}

	private Mono<Object> check(Caller caller, List<Grant> granted, Route route, String path) {
		return switch (route.target()) {
			case TABLE_LIST, NEW_TABLE -> Mono.empty();
			case EVERY_TABLE -> AccessPolicy.allowedEverywhere(caller, granted, route.action()) ? Mono.empty()
					: Mono.error(denied(caller, route.action(), "every table", path));
			case TABLE -> {
				Long tableId = tableId(path);
				if (tableId == null) {
					// not a table id: the handler refuses the path as it is
					yield Mono.empty();
				}
				yield this.schemas.get(tableId)
					.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
					.flatMap((schema) -> {
						Decision decision = AccessPolicy.decide(caller, granted, route.action(), tableId,
								schema.name());
						return switch (decision.verdict()) {
							case ALLOWED -> Mono.empty();
							case INVISIBLE -> Mono.error(RefusedException.tableNotFound(tableId));
							case FORBIDDEN -> Mono.error(denied(caller, route.action(), "table " + tableId, path));
						};
					});
			}
		};
	}

	/** The refusal of an action, logged when it is an attempt at a schema change. */
	static RefusedException denied(Caller caller, Action action, String what, String path) {
		if (action == Action.SCHEMA_WRITE || action == Action.ADMIN) {
			log.warn("Denied {} on {} to {} ({})", action.token(), what, caller.principal(), path);
		}
		return new RefusedException(ErrorCode.ACCESS_DENIED, "",
				"this needs " + action.token() + " on " + what + ", which the caller's roles do not grant");
	}

	private static Long tableId(String path) {
		String[] segments = path.split("/");
		if (segments.length < 4) {
			return null;
		}
		try {
			return Long.parseLong(segments[3]);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The request's caller, remembered for its handler. A request without one (no
	 * authentication configured in this assembly) is the local client's.
	 */
	private static Mono<Caller> caller(ServerWebExchange exchange) {
		return Callers.current()
			.defaultIfEmpty(Caller.LOCAL)
			.doOnNext((caller) -> exchange.getAttributes().put(CALLER, caller));
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		Caller known = exchange.getAttribute(CALLER);
		return (known != null) ? Mono.just(known) : caller(exchange).cast(Object.class);
	}

}
