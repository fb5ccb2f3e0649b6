package io.seatline.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP/1.1 client whose connections come from a chosen loopback address (127.0.0.2, 127.0.0.3, ...: Linux
 * routes all of 127.0.0.0/8 to this machine), so that tests can be clients at several addresses.
 */
final class FromAddress {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String address;

	private final int port;

	FromAddress(String address, int port) {
		this.address = address;
		this.port = port;
	}

	record Reply(int status, JsonNode json) {

		String error() {
			return this.json.get("error").asString();
		}
	}

	/** Posts a JSON body to a function, with extra headers alternating name and value. */
	Reply post(String function, String json, String... headers) {
		try (var socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.address), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), this.port), 5000);
			socket.setSoTimeout(60_000);
			var body = json.getBytes(StandardCharsets.UTF_8);
			var request = new StringBuilder().append("POST /")
				.append(function)
				.append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n")
				.append("Content-Length: ")
				.append(body.length)
				.append("\r\n");
			for (int i = 0; i < headers.length; i += 2) {
				request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			request.append("\r\n");
			var out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			// one char per byte, so that chunk sizes count right; the body is decoded as UTF-8 at the end
			var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			var split = response.indexOf("\r\n\r\n");
			var head = response.substring(0, split);
			var content = response.substring(split + 4);
			if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				content = unchunk(content);
			}
			content = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
			var status = Integer.parseInt(head.substring(9, 12));
			return new Reply(status, content.isBlank() ? null : JSON.readTree(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Reply login(String username, String password) {
		return post("login", Api.toJson(java.util.Map.of("username", username, "password", password)));
	}

	private static String unchunk(String chunked) {
		var out = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
			if (size == 0) {
				break;
			}
			out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
		return out.toString();
	}
}
