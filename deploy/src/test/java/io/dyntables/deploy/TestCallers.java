package io.dyntables.deploy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dyntables.api.security.Caller;
import io.dyntables.deploy.security.CallerAuthentication;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

/**
 * Makes the caller a test names in {@value #HEADER}
 * ({@code principal;role,role;key=value,key=value}) the principal of the request's
 * security context, as authentication does with a proven credential: tests of
 * authorization then need no credentials. Requests without the header keep whatever
 * caller they have.
 */
@Configuration(proxyBeanMethods = false)
class TestCallers {

	static final String HEADER = "X-Test-Caller";

	@Bean
	@Order(-50)
	WebFilter testCaller() {
		return (exchange, chain) -> {
			String given = exchange.getRequest().getHeaders().getFirst(HEADER);
			if (given == null) {
				return chain.filter(exchange);
			}
			Caller caller = parse(given);
			return chain.filter(exchange)
				.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller)));
		};
	}

	static Caller parse(String header) {
		String[] parts = header.split(";", -1);
		Set<String> roles = (parts.length > 1 && !parts[1].isEmpty())
				? Arrays.stream(parts[1].split(",")).collect(Collectors.toSet()) : Set.of();
		Map<String, String> attributes = new HashMap<>();
		if (parts.length > 2 && !parts[2].isEmpty()) {
			for (String pair : parts[2].split(",")) {
				String[] kv = pair.split("=", 2);
				attributes.put(kv[0], kv[1]);
			}
		}
		return new Caller(parts[0], roles, attributes, false);
	}

	/**
	 * A client calling as a caller with these roles (comma-separated) and attributes
	 * ({@code key=value,key=value}).
	 */
	static WebTestClient as(WebTestClient http, String roles, String attributes) {
		return http.mutate().defaultHeader(HEADER, header("key:test (" + roles + ")", roles, attributes)).build();
	}

	/** The header naming a caller with these roles and attributes. */
	static String header(String principal, String roles, String attributes) {
		return principal + ";" + roles + ";" + attributes;
	}

}
