package io.dyntables.deploy.web;

import java.net.URI;
import java.util.List;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.reactive.UrlHandlerFilter;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/** HTTP conventions of the whole API. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Every API path answers with and without a trailing slash, as the original did. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter trailingSlash() {
		return UrlHandlerFilter.trailingSlashHandler("/api/**").mutateRequest().build();
	}

	/**
	 * The documentation at {@code /}: the page for browsers, the OpenAPI document for
	 * clients that ask for JSON.
	 */
	@Bean
	RouterFunction<ServerResponse> documentation(@Value("classpath:/static/index.html") Resource page) {
		return RouterFunctions.route(RequestPredicates.GET("/"), (request) -> {
			List<MediaType> accepted = request.headers().accept();
			boolean json = !accepted.isEmpty() && accepted.stream()
				.noneMatch((type) -> type.includes(MediaType.TEXT_HTML) || type.isWildcardType());
			return json ? ServerResponse.temporaryRedirect(URI.create("/v3/api-docs")).build()
					: ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page);
		});
	}

	/**
	 * The console at {@code /console}: one page whose scripts and styles are served from
	 * {@code static/console/} beside it, so both {@code /console} and {@code /console/}
	 * answer the page.
	 */
	@Bean
	RouterFunction<ServerResponse> console(@Value("classpath:/static/console/index.html") Resource page) {
		return RouterFunctions.route(RequestPredicates.GET("/console").or(RequestPredicates.GET("/console/")),
				(request) -> ServerResponse.ok()
					.contentType(MediaType.TEXT_HTML)
					.header(HttpHeaders.CACHE_CONTROL, "no-cache")
					.bodyValue(page));
	}

	/**
	 * JSON read strictly and exactly: duplicate members are refused, fractions are read
	 * as decimals (so 1.9 stays 1.9 and 0.1 is not a binary fraction), decimals written
	 * plain, binary fractions written by the shortest-decimal algorithm (the same
	 * numbers, found faster than by the JDK's).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
	}

}
