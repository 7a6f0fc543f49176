package io.dyntables.deploy.security;

import java.util.List;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.AccessPolicy.Decision;
import io.dyntables.api.access.Grant;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;
import io.dyntables.deploy.security.RouteActions.Access;
import io.dyntables.deploy.security.RouteActions.Rule;
import io.dyntables.query.access.RoleGrants;
import io.dyntables.query.catalog.SchemaCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Authorization: enforces the action each route needs ({@link RouteActions}) with the
 * grants of the caller's roles, before any handler runs; deny by default. A route whose
 * path names a table ({@code /api/table/{id}...}) is checked on that table: a table no
 * grant of the caller applies to is answered 404 exactly as a missing one, a visible
 * table without the action 403 naming the action. Any other route with an action needs it
 * on every table, but for the list of tables (answered with the readable ones) and the
 * creation of one (its label is checked where it is read). An API path without a rule is
 * answered 404. Refusing as a handler mapping (the first after the audit headers) has the
 * refusals rendered as every other problem. Handlers get the {@link Caller} as a
 * parameter, for what only they can decide (a new table's label, which tables a list
 * shows, which fields and rows a row request reaches). Denied schema changes and
 * administration are logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class Authorization implements HandlerMapping, HandlerMethodArgumentResolver, WebFluxConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Authorization.class);

	private static final String CALLER = Authorization.class.getName() + ".caller";

	private static final String TABLES = "/api/table";

	private static final String ONE_TABLE = "/api/table/{id}";

	private final RoleGrants grants;

	private final SchemaCache schemas;

	Authorization(RoleGrants grants, SchemaCache schemas) {
		this.grants = grants;
		this.schemas = schemas;
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/")) {
			// documentation and probes are public; the operations endpoints are the
			// security chain's
			return Mono.empty();
		}
		return caller(exchange).flatMap((caller) -> {
			if (caller.unrestricted()) {
				return Mono.empty();
			}
			HttpMethod method = exchange.getRequest().getMethod();
			Rule rule = RouteActions.of(HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method, path).orElse(null);
			if (rule == null) {
				return Mono.error(new RefusedException(ErrorCode.NOT_FOUND, "", "no such resource"));
			}
			if (rule.access() != Access.ACTION) {
				return Mono.empty();
			}
			return this.grants.of(caller).flatMap((granted) -> check(caller, granted, rule, path));
		});
	}

	private Mono<Object> check(Caller caller, List<Grant> granted, Rule rule, String path) {
		if (rule.pattern().equals(TABLES)) {
			// the list shows the readable tables (none without a grant); a creation needs
			// schema:write on some tables here, and on its label where the label is read
			boolean mayCreate = rule.action() != Action.SCHEMA_WRITE
					|| granted.stream().anyMatch((grant) -> grant.actions().contains(Action.SCHEMA_WRITE));
			return mayCreate ? Mono.empty() : Mono.error(denied(caller, rule.action(), "any table", path));
		}
		if (!rule.pattern().startsWith(ONE_TABLE)) {
			return AccessPolicy.allowedEverywhere(caller, granted, rule.action()) ? Mono.empty()
					: Mono.error(denied(caller, rule.action(), "every table", path));
		}
		Long tableId = tableId(path);
		if (tableId == null) {
			// not a table id: the handler refuses the path as it is
			return Mono.empty();
		}
		return this.schemas.get(tableId)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(tableId)))
			.flatMap((schema) -> {
				Decision decision = AccessPolicy.decide(caller, granted, rule.action(), tableId, schema.name());
				return switch (decision.verdict()) {
					case ALLOWED -> Mono.empty();
					case INVISIBLE -> Mono.error(RefusedException.tableNotFound(tableId));
					case FORBIDDEN -> Mono.error(denied(caller, rule.action(), "table " + tableId, path));
				};
			});
	}

	/** The refusal of an action, logged when it is an attempt at a schema change. */
	public static RefusedException denied(Caller caller, Action action, String what, String path) {
		if (action == Action.SCHEMA_WRITE || action == Action.ADMIN) {
			log.warn("Denied {} on {} to {} ({})", action.token(), what, caller.principal(), path);
		}
		return new RefusedException(ErrorCode.FORBIDDEN, "",
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
	 * The request's caller, remembered for its handler; a request that reaches here
	 * without one was let through unauthenticated by mistake, and is refused.
	 */
	private static Mono<Caller> caller(ServerWebExchange exchange) {
		return CallerAuthentication.current()
			.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.UNAUTHENTICATED, "",
					"this request needs a credential: send Authorization: Bearer <API key or token>")))
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
