package io.dyntables.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.dyntables.deploy.database.Database;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.dyntables.deploy.Credentials.ADMIN_KEY;
import static io.dyntables.deploy.Credentials.bearer;
import static io.dyntables.deploy.Credentials.createKey;
import static io.dyntables.deploy.Instances.client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key revoked through one instance stops working on another that had it cached within
 * two seconds, long before that instance's cache would have let it go (a minute here):
 * the revocation is announced to every instance.
 */
class KeyRevocationIT {

	@Test
	void aKeyRevokedOnOneInstanceIsRefusedByAnotherWithinTwoSeconds() throws Exception {
		String[] first = Credentials.securedArguments("--server.port=0",
				"--dyntables.data-dir=target/it-data/revoke-" + UUID.randomUUID(),
				"--dyntables.security.key-cache-ttl=60s");
		try (ConfigurableApplicationContext one = new SpringApplicationBuilder(DyntablesApplication.class).run(first)) {
			Database database = one.getBean(Database.class);
			try (ConfigurableApplicationContext two = new SpringApplicationBuilder(DyntablesApplication.class)
				.run(Credentials.securedArguments("--server.port=0", "--dyntables.db.url=" + database.jdbcUrl(),
						"--dyntables.db.password=" + database.password(), "--dyntables.roles=rows,queries",
						"--dyntables.security.key-cache-ttl=60s"))) {
				WebTestClient viaOne = client(one);
				WebTestClient viaTwo = client(two);
				Map<String, Object> created = createKey(viaOne, Map.of("name", "shared"));
				String key = (String) created.get("key");
				// the second instance reads the key and keeps it
				viaTwo.get()
					.uri("/api/table")
					.header(HttpHeaders.AUTHORIZATION, bearer(key))
					.exchange()
					.expectStatus()
					.isOk();
				viaOne.delete()
					.uri("/api/admin/keys/{prefix}", created.get("prefix"))
					.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
					.exchange()
					.expectStatus()
					.isNoContent();
				Instant revoked = Instant.now();
				int status;
				do {
					status = viaTwo.get()
						.uri("/api/table")
						.header(HttpHeaders.AUTHORIZATION, bearer(key))
						.exchange()
						.returnResult(String.class)
						.getStatus()
						.value();
					if (status == 200) {
						Thread.sleep(50);
					}
				}
				while (status == 200 && Duration.between(revoked, Instant.now()).compareTo(Duration.ofSeconds(2)) < 0);
				assertThat(status).as("the revoked key on the other instance within 2 s").isEqualTo(401);
				assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(2));
			}
		}
	}

}
