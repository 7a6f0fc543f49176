package io.dyntables.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed (SIGKILL) in the middle of its work, as a crash would, and started
 * again on the same data directory: it comes back by itself although its PostgreSQL
 * outlived it, every row it acknowledged is there, and the load it never acknowledged
 * left nothing. A second service on a directory in use is refused at once.
 */
class CrashRecoveryIT {

	private static final Duration START = Duration.ofSeconds(150);

	private static final int WRITERS = 4;

	/** Rows of the interrupted load sent before its client stalls until the kill. */
	private static final int LOADED_BEFORE_KILL = 20_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void killedDuringLoadsRestartsWithEveryAcknowledgedRowAndNoHalfLoad() throws Exception {
		Path dataDirectory = Path.of("target/it-data/crash-" + UUID.randomUUID()).toAbsolutePath();
		ExecutorService clients = Executors.newFixedThreadPool(WRITERS + 1);
		ServiceProcess first = ServiceProcess.start(dataDirectory, "first");
		ServiceProcess second = null;
		ServiceProcess third = null;
		CountDownLatch killed = new CountDownLatch(1);
		try {
			assertThat(first.awaitReady(START)).as("first start; its output:%n%s", first.output()).isTrue();
			Api api = new Api(client(first));
			long rows = api.createTable("Crash", Map.of("n", "integer"));
			long loaded = api.createTable("Interrupted load", Map.of("n", "integer"));

			CountDownLatch loadSent = new CountDownLatch(1);
			CompletableFuture<HttpResponse<String>> load = this.http
				.sendAsync(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/api/table/" + loaded + "/rows"))
					.header("Content-Type", "application/x-ndjson")
					.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new StallingRows(loadSent, killed)))
					.build(), HttpResponse.BodyHandlers.ofString());

			Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
			AtomicInteger next = new AtomicInteger();
			AtomicBoolean writing = new AtomicBoolean(true);
			for (int i = 0; i < WRITERS; i++) {
				clients.submit(() -> insertUntilStopped(first.baseUrl(), rows, next, acknowledged, writing));
			}
			assertThat(loadSent.await(60, TimeUnit.SECONDS)).as("the load sent its first rows").isTrue();
			Api.await(Duration.ofSeconds(60), "some acknowledged rows", () -> acknowledged.size() >= 100);

			first.kill();
			killed.countDown();
			writing.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			Api.await(Duration.ofSeconds(30), "the loading client to see the crash", load::isDone);
			assertThat(load).as("the load was never acknowledged").isCompletedExceptionally();
			assertThat(ServiceProcess.postmaster(dataDirectory)).as("PostgreSQL outlived the service").isPresent();

			Instant restart = Instant.now();
			second = ServiceProcess.start(dataDirectory, "second");
			assertThat(second.awaitReady(START)).as("restart; its output:%n%s", second.output()).isTrue();
			System.out.printf("restarted in %d ms after a kill with %d acknowledged rows%n",
					Duration.between(restart, Instant.now()).toMillis(), acknowledged.size());
			assertThat(second.output()).contains("left by a service that did not stop: stopping it");

			assertThat(values(second, rows)).as("every acknowledged row survived").containsAll(acknowledged);
			assertThat(values(second, loaded)).as("the interrupted load left nothing").isEmpty();

			third = ServiceProcess.start(dataDirectory, "third");
			assertThat(third.process().waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("the second service exits")
				.isTrue();
			assertThat(third.process().exitValue()).isNotZero();
			assertThat(third.output()).contains("is in use by another running dyntables");
			assertThat(second.awaitReady(Duration.ofSeconds(5))).as("the running service still serves").isTrue();
		}
		finally {
			killed.countDown();
			clients.shutdownNow();
			for (ServiceProcess service : new ServiceProcess[] { third, second, first }) {
				if (service != null) {
					service.close();
				}
			}
			ServiceProcess.killPostgres(dataDirectory);
		}
	}

	/** Inserts rows one by one, keeping the number of each acknowledged one (201). */
	private void insertUntilStopped(String baseUrl, long table, AtomicInteger next, Set<Integer> acknowledged,
			AtomicBoolean writing) {
		while (writing.get()) {
			int n = next.incrementAndGet();
			HttpRequest insert = HttpRequest.newBuilder(URI.create(baseUrl + "/api/table/" + table + "/row"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + n + "}"))
				.build();
			try {
				if (this.http.send(insert, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
					acknowledged.add(n);
				}
			}
			catch (IOException ex) {
				// the service was killed: this row is not acknowledged
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Set<Integer> values(ServiceProcess service, long table) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/table/" + table + "/rows"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<Map<String, Object>> rows = Json.list(response.body());
		return rows.stream().map((row) -> ((Number) row.get("n")).intValue()).collect(Collectors.toSet());
	}

	private static WebTestClient client(ServiceProcess service) {
		return WebTestClient.bindToServer().baseUrl(service.baseUrl()).responseTimeout(Duration.ofSeconds(60)).build();
	}

	/**
	 * An NDJSON body that sends its first rows and then goes silent until the service is
	 * killed, so the kill lands in the middle of the load.
	 */
	private static final class StallingRows extends InputStream {

		private final CountDownLatch sent;

		private final CountDownLatch killed;

		private int row;

		private byte[] line = new byte[0];

		private int position;

		StallingRows(CountDownLatch sent, CountDownLatch killed) {
			this.sent = sent;
			this.killed = killed;
		}

		@Override
		public int read() throws IOException {
			if (this.position == this.line.length) {
				if (this.row == LOADED_BEFORE_KILL) {
					this.sent.countDown();
					try {
						this.killed.await(5, TimeUnit.MINUTES);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					throw new IOException("the service is gone");
				}
				this.line = ("{\"n\":" + this.row++ + "}\n").getBytes(StandardCharsets.US_ASCII);
				this.position = 0;
			}
			return this.line[this.position++];
		}

	}

}
