package io.seatline.runner.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test client of a Server-Sent Events stream: named events with JSON data, queued as they arrive. */
final class SseStream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Event(String name, JsonNode data) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final InputStream body;

	final HttpResponse<InputStream> response;

	SseStream(String url) throws IOException, InterruptedException {
		var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build();
		this.response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		this.body = this.response.body();
		var reader = new Thread(this::read, "sse-test-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** The next event, or null when none arrives in time. */
	Event next(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void read() {
		try (var lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String name = "message";
			var data = new StringBuilder();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, JSON.readTree(data.toString())));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			this.events.add(new Event("closed", null));
		}
		catch (IOException ex) {
			this.events.add(new Event("closed", null));
		}
	}

	@Override
	public void close() throws IOException {
		this.body.close();
	}
}
