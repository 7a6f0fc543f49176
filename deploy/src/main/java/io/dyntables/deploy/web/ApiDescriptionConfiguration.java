package io.dyntables.deploy.web;

import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the service's OpenAPI document (title, version, license, contact,
 * tags) and the examples of its request bodies, each a customizer of its own, kept apart
 * from the document's other settings.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

	@Bean
	OpenApiCustomizer apiDescription(ObjectProvider<BuildProperties> build,
			@Value("${dyntables.api.license.name:Proprietary}") String licenseName,
			@Value("${dyntables.api.license.identifier:}") String licenseIdentifier,
			@Value("${dyntables.api.license.url:}") String licenseUrl,
			@Value("${dyntables.api.contact.name:}") String contactName,
			@Value("${dyntables.api.contact.email:}") String contactEmail,
			@Value("${dyntables.api.contact.url:}") String contactUrl) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		// OpenAPI 3.1 names a license by its SPDX identifier or by a URL, not both
		License license = new License().name(licenseName);
		if (blankToNull(licenseUrl) != null) {
			license.url(licenseUrl);
		}
		else {
			license.identifier(blankToNull(licenseIdentifier));
		}
		return new ApiDescription(version, license,
				new Contact().name(blankToNull(contactName))
					.email(blankToNull(contactEmail))
					.url(blankToNull(contactUrl)));
	}

	@Bean
	OpenApiCustomizer requestExamples() {
		return new RequestExamples();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
