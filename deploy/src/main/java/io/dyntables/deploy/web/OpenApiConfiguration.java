package io.dyntables.deploy.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server the OpenAPI document names: the configured public URL (by default the
 * relative {@code /}, the server that served the document). Without it, springdoc builds
 * the URL from the request's Host header, so any client could make the document point
 * other clients elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI openApi(@Value("${dyntables.public-url:/}") String publicUrl) {
		return new OpenAPI().servers(List.of(new Server().url(publicUrl)));
	}

}
