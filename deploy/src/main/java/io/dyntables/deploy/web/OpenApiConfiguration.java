package io.dyntables.deploy.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server the OpenAPI document names: the configured public URL (by default the
 * relative {@code /}, the server that served the document). Without it, springdoc builds
 * the URL from the request's Host header, so any client could make the document point
 * other clients elsewhere. The document also declares the bearer credential every request
 * needs (an API key or a JWT), so Swagger UI's Authorize button takes a key.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI openApi(@Value("${dyntables.public-url:/}") String publicUrl) {
		return new OpenAPI().servers(List.of(new Server().url(publicUrl)))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An API key (dt_...), the admin key, or a JWT. Not needed from the service's own "
								+ "machine while no credential is configured (protected mode).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
