package io.dyntables.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP as bytes on a socket, for what a well-behaved client cannot send: malformed
 * requests, oversized lines and headers, bodies that stop half way.
 */
final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private RawHttp(Socket socket) {
		this.socket = socket;
	}

	static RawHttp connect(int port) throws IOException {
		return new RawHttp(new Socket("127.0.0.1", port));
	}

	/** Sends the bytes and reads the answer, or what came before the deadline. */
	static Answer exchange(int port, String request, Duration deadline) throws IOException {
		try (RawHttp http = connect(port)) {
			http.send(request);
			return http.answer(deadline);
		}
	}

	/** The start of a chunked NDJSON load, and one chunk of rows, with no end. */
	static String stalledLoad(long table, String rows) {
		byte[] chunk = rows.getBytes(StandardCharsets.UTF_8);
		return "POST /api/table/" + table + "/rows HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ Integer.toHexString(chunk.length) + "\r\n" + rows + "\r\n";
	}

	void send(String bytes) throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(bytes.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/**
	 * What the server sent until it closed the connection, its answer was complete, or
	 * the deadline passed.
	 */
	Answer answer(Duration deadline) throws IOException {
		long end = System.nanoTime() + deadline.toNanos();
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		InputStream in = this.socket.getInputStream();
		byte[] buffer = new byte[8192];
		while (System.nanoTime() < end && !Answer.parse(read.toString(StandardCharsets.UTF_8)).complete()) {
			this.socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
			try {
				int n = in.read(buffer);
				if (n < 0) {
					break;
				}
				read.write(buffer, 0, n);
			}
			catch (SocketTimeoutException ex) {
				break;
			}
			catch (IOException ex) {
				// reset by the server
				break;
			}
		}
		return Answer.parse(read.toString(StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * An answer as read: status 0 when nothing came.
	 *
	 * @param status the status code
	 * @param head the status line and headers
	 * @param body the body as far as it came
	 * @param complete whether the whole body (by Content-Length) came
	 */
	record Answer(int status, String head, String body, boolean complete) {

		static Answer parse(String raw) {
			int split = raw.indexOf("\r\n\r\n");
			if (!raw.startsWith("HTTP/") || split < 0) {
				return new Answer(0, raw, "", false);
			}
			String head = raw.substring(0, split);
			String body = raw.substring(split + 4);
			int status = Integer.parseInt(head.substring(9, 12));
			String length = header(head, "content-length");
			boolean complete = length != null
					&& body.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length);
			return new Answer(status, head, body, complete);
		}

		/** A header's value, or null. */
		String header(String name) {
			return header(this.head, name);
		}

		private static String header(String head, String name) {
			for (String line : head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

	}

}
