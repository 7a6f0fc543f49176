package io.dyntables.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting down leaves no request in doubt: a request in flight when the service starts
 * closing is answered; during the drain a request on a kept-alive connection is answered
 * with {@code Connection: close}; after it, new connections are refused and idle ones
 * closed cleanly, never reset under a request. Spoken over plain sockets, so every byte
 * of the exchange is seen.
 */
class GracefulShutdownIT {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@Test
	void answersInFlightRequestsAndClosesKeptAliveConnections() throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(DyntablesApplication.class).run(
				"--server.port=0", "--dyntables.data-dir=target/it-data/shutdown-" + UUID.randomUUID(),
				"--dyntables.shutdown.drain=5s");
		Thread closer = new Thread(app::close, "closer");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			long id = new Api(WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + port)
				.responseTimeout(Duration.ofSeconds(60))
				.build()).createTable("Drained", Map.of("name", "string"));
			try (Socket kept = open(port); Socket idle = open(port); Socket slow = open(port)) {
				for (Socket socket : List.of(kept, idle)) {
					Response before = get(socket, "/actuator/health/liveness");
					assertThat(before.status()).isEqualTo(200);
					assertThat(before.header("connection")).isNotEqualToIgnoringCase("close");
				}
				// a load whose body is still being sent when the shutdown begins
				send(slow,
						"POST /api/table/" + id + "/rows HTTP/1.1\r\nHost: 127.0.0.1\r\n"
								+ "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
								+ chunk("{\"name\":\"before\"}\n"));
				closer.start();
				awaitNotReady(port);

				// during the drain: a request on a kept-alive connection is answered,
				// told to
				// reconnect, and the connection closed after the answer
				Response during = get(kept, "/actuator/health/liveness");
				assertThat(during.status()).isEqualTo(200);
				assertThat(during.header("connection")).isEqualToIgnoringCase("close");
				assertThat(kept.getInputStream().read()).as("the server closes the connection").isEqualTo(-1);

				// the request in flight is answered in full
				send(slow, chunk("{\"name\":\"during\"}\n") + "0\r\n\r\n");
				Response load = Response.read(slow.getInputStream());
				assertThat(load.status()).isEqualTo(201);
				assertThat(load.body()).contains("\"inserted\":2");
				assertThat(load.header("connection")).isEqualToIgnoringCase("close");
				assertThat(slow.getInputStream().read()).as("the server closes the connection").isEqualTo(-1);

				// after the drain: no new connection, and an idle one is closed cleanly
				// (no
				// reset) without a request having been sent on it
				awaitRefused(port);
				assertThat(idle.getInputStream().read()).as("the idle connection is closed").isEqualTo(-1);
			}
			closer.join(DEADLINE.toMillis());
			assertThat(closer.isAlive()).as("the service stopped").isFalse();
		}
		finally {
			if (!closer.isAlive() && app.isActive()) {
				app.close();
			}
		}
	}

	/** Waits until readiness answers 503: the service is closing. */
	private static void awaitNotReady(int port) throws IOException, InterruptedException {
		Instant end = Instant.now().plus(DEADLINE);
		while (true) {
			try (Socket probe = open(port)) {
				if (get(probe, "/actuator/health/readiness").status() == 503) {
					return;
				}
			}
			assertThat(Instant.now()).as("readiness refuses traffic").isBefore(end);
			Thread.sleep(20);
		}
	}

	/** Waits until the port refuses connections: the drain is over. */
	private static void awaitRefused(int port) throws InterruptedException {
		Instant end = Instant.now().plus(DEADLINE);
		while (true) {
			try (Socket probe = new Socket("127.0.0.1", port)) {
				assertThat(Instant.now()).as("the server stops accepting connections").isBefore(end);
				Thread.sleep(50);
			}
			catch (ConnectException refused) {
				return;
			}
			catch (IOException other) {
				assertThat(Instant.now()).as("the server stops accepting connections").isBefore(end);
			}
		}
	}

	private static Socket open(int port) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout((int) DEADLINE.toMillis());
		return socket;
	}

	private static Response get(Socket socket, String path) throws IOException {
		send(socket, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
		return Response.read(socket.getInputStream());
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String chunk(String data) {
		return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
	}

	/** One HTTP/1.1 response: its status, headers and body (by length or chunked). */
	private record Response(int status, List<String> headers, String body) {

		String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headers.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).strip())
				.findFirst()
				.orElse("");
		}

		static Response read(InputStream in) throws IOException {
			String statusLine = line(in);
			List<String> headers = new ArrayList<>();
			for (String line = line(in); !line.isEmpty(); line = line(in)) {
				headers.add(line);
			}
			Response head = new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, "");
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (head.header("transfer-encoding").equalsIgnoreCase("chunked")) {
				for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
				line(in);
			}
			else if (!head.header("content-length").isEmpty()) {
				body.write(in.readNBytes(Integer.parseInt(head.header("content-length"))));
			}
			return new Response(head.status(), headers, body.toString(StandardCharsets.UTF_8));
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b == -1) {
					throw new IOException("the connection closed in the middle of a response");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.UTF_8);
		}

	}

}
