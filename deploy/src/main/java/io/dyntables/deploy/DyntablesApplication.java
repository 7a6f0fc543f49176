package io.dyntables.deploy;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service: both sides, the stores, and an embedded PostgreSQL when none is
 * configured.
 */
@SpringBootApplication(scanBasePackages = "io.dyntables")
public class DyntablesApplication {

	public static void main(String[] args) {
		if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
			System.setProperty("axoniq.update-checker.disabled", "true");
		}
		SpringApplication.run(DyntablesApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
