package io.dyntables.deploy;

import java.time.Clock;

import io.dyntables.deploy.admin.ReplayCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service: both sides, the stores, and an embedded PostgreSQL when none is
 * configured. With {@code --replay} it replays the event stream into the read model and
 * exits, serving nothing.
 */
@SpringBootApplication(scanBasePackages = "io.dyntables")
public class DyntablesApplication {

	public static void main(String[] args) {
		if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
			System.setProperty("axoniq.update-checker.disabled", "true");
		}
		if (ReplayCommandLine.requested(args)) {
			SpringApplication application = new SpringApplication(DyntablesApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		SpringApplication.run(DyntablesApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
