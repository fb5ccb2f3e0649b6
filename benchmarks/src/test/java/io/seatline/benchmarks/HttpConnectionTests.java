package io.seatline.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept-alive client against a scripted server: each request is answered with the next scripted reply. */
class HttpConnectionTests {

	private static final String CLOSE = "close the connection without a reply";

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger connections = new AtomicInteger();

	private ServerSocket server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new ServerSocket(0);
		var acceptor = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					var socket = this.server.accept();
					this.connections.incrementAndGet();
					var thread = new Thread(() -> serve(socket));
					thread.setDaemon(true);
					thread.start();
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterEach
	void stopServer() throws IOException {
		this.server.close();
	}

	@Test
	void repliesWithALengthOrInChunksComeOverOneKeptAliveConnection() throws Exception {
		this.replies.add("HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
		this.replies.add("HTTP/1.1 409 \r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
		try (var connection = new HttpConnection("127.0.0.1", this.server.getLocalPort())) {
			var first = connection.post("/ping", "{}".getBytes(), null);
			var second = connection.post("/reserveSeats", "{\"x\":1}".getBytes(), "token-1");

			assertThat(first.status()).isEqualTo(200);
			assertThat(first.text()).isEqualTo("{\"ok\":true}");
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.text()).isEqualTo("{\"a\":1}");
		}
		assertThat(this.connections).hasValue(1);
		assertThat(this.requests.take()).startsWith("POST /ping HTTP/1.1").doesNotContain("authorization");
		assertThat(this.requests.take()).startsWith("POST /reserveSeats HTTP/1.1")
			.contains("authorization: bearer token-1").endsWith("{\"x\":1}");
	}

	@Test
	void aConnectionTheServerClosesIsOpenedAgainForTheNextRequest() throws Exception {
		this.replies.add("HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
		this.replies.add("HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\n{}");
		this.replies.add(CLOSE);
		this.replies.add("HTTP/1.1 503 \r\nRetry-After: 1\r\nContent-Length: 2\r\n\r\n{}");
		try (var connection = new HttpConnection("127.0.0.1", this.server.getLocalPort())) {
			assertThat(connection.post("/ping", "{}".getBytes(), null).status()).isEqualTo(200);
			assertThat(connection.post("/ping", "{}".getBytes(), null).status()).isEqualTo(200);
			// the kept-alive connection was closed before this request was read: sent again on a new one
			var busy = connection.post("/ping", "{}".getBytes(), null);

			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.retryAfter()).isEqualTo("1");
		}
		assertThat(this.connections).hasValue(3);
	}

	@Test
	void aGetCopiesItsBodyAsItArrivesWhetherInChunksOrUntilTheServerCloses() throws Exception {
		this.replies.add("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n6\r\na,b\r\n1\r\n4\r\n,2\r\n\r\n0\r\n\r\n");
		this.replies.add("HTTP/1.1 200 \r\nConnection: close\r\n\r\nx\ny\n");
		try (var connection = new HttpConnection("127.0.0.1", this.server.getLocalPort())) {
			var chunked = new CsvRecords();
			var untilClosed = new CsvRecords();

			assertThat(connection.get("/admin/export.csv", "admin-token", chunked)).isEqualTo(200);
			assertThat(connection.get("/admin/export.csv", null, untilClosed)).isEqualTo(200);

			assertThat(chunked.bytes()).isEqualTo(10);
			assertThat(chunked.records()).isEqualTo(2);
			assertThat(untilClosed.bytes()).isEqualTo(4);
			assertThat(untilClosed.records()).isEqualTo(2);
		}
		assertThat(this.requests.take()).startsWith("GET /admin/export.csv HTTP/1.1")
			.contains("authorization: bearer admin-token").doesNotContain("content-length");
	}

	private void serve(Socket socket) {
		try (socket) {
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			while (true) {
				var request = new StringBuilder();
				int length = 0;
				for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
					// the request line as sent, the headers in lower case
					request.append(request.isEmpty() ? line : line.toLowerCase(Locale.ROOT)).append('\n');
					if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				if (request.isEmpty()) {
					return;
				}
				var body = new char[length];
				for (int read = 0; read < length;) {
					read += in.read(body, read, length - read);
				}
				var reply = this.replies.take();
				if (reply.equals(CLOSE)) {
					return;
				}
				this.requests.add(request.append(body).toString());
				out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				if (reply.contains("Connection: close")) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// the test is over
		}
	}
}
