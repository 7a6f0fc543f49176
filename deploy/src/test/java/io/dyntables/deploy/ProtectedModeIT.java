package io.dyntables.deploy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Protected mode (no credential configured, as the shared test service runs): clients on
 * this machine are served unrestricted, every other address gets 401 saying how to
 * configure a key, and forwarded headers cannot make a remote client look local. The
 * remote address is set in-process; no traffic leaves this machine.
 */
@DyntablesIT
class ProtectedModeIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient local;

	@Test
	void clientsOnOtherMachinesAreRefusedWithHowToConfigureAKey() {
		WebTestClient remote = from("203.0.113.7");
		for (String path : List.of("/api/table", "/api/admin/keys", "/v3/api-docs", "/actuator/prometheus")) {
			remote.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dyntables\"")
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("unauthenticated")
				.jsonPath("$.detail")
				.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail)
					.contains("protected mode")
					.contains("DYNTABLES_ADMIN_KEY"));
		}
		remote.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "FromAfar", "fields", Map.of("a", "text")))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		remote.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void forwardedHeadersCannotMakeARemoteClientLocal() {
		WebTestClient remote = from("203.0.113.7");
		for (Map.Entry<String, String> header : Map
			.of("X-Forwarded-For", "127.0.0.1", "Forwarded", "for=127.0.0.1", "X-Real-IP", "127.0.0.1")
			.entrySet()) {
			remote.get()
				.uri("/api/table")
				.header(header.getKey(), header.getValue())
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		// a proxy on this machine relaying someone else's request is refused too
		from("127.0.0.1").get()
			.uri("/api/table")
			.header("X-Forwarded-For", "203.0.113.7")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void clientsOnThisMachineAreServedUnrestricted() {
		from("127.0.0.1").get().uri("/api/table").exchange().expectStatus().isOk();
		from("::1").get().uri("/api/admin/keys").exchange().expectStatus().isOk();
		this.local.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.local.get()
			.uri("/api/table")
			.header(HttpHeaders.AUTHORIZATION, "Bearer dt_abcdefgh_" + "A".repeat(43))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dyntables\", error=\"invalid_token\"");
	}

	/** A client of the service in this process whose requests come from the address. */
	private WebTestClient from(String address) {
		InetSocketAddress remote = new InetSocketAddress(address, 40000);
		return WebTestClient.bindToApplicationContext(this.context)
			.webFilter((exchange, chain) -> chain
				.filter(exchange.mutate().request((request) -> request.remoteAddress(remote)).build()))
			.configureClient()
			.build();
	}

}
