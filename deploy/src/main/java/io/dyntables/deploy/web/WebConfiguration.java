package io.dyntables.deploy.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.reactive.UrlHandlerFilter;
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
	 * JSON read strictly and exactly: duplicate members are refused, fractions are read
	 * as decimals (so 1.9 stays 1.9 and 0.1 is not a binary fraction), decimals written
	 * plain.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
	}

}
