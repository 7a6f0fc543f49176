package io.dyntables.deploy;

import java.time.Duration;

import io.dyntables.query.projection.TableProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the tests that start several instances need of each: a client of its HTTP server
 * and its projector.
 */
final class Instances {

	private Instances() {
	}

	/** A client of the instance's own port. */
	static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	/** The instance's projector. */
	static TrackingEventProcessor projector(ConfigurableApplicationContext context) {
		return context.getBean(EventProcessingConfiguration.class)
			.eventProcessor(TableProjector.PROCESSING_GROUP, TrackingEventProcessor.class)
			.orElseThrow();
	}

	/** Whether the instance's projector holds any segment. */
	static boolean claimed(ConfigurableApplicationContext context) {
		return !projector(context).processingStatus().isEmpty();
	}

}
