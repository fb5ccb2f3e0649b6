package io.seatline.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection, used by one thread at a time: a request written, its reply read, the next
 * request on the same socket. Plain blocking sockets cost the client far less CPU than a general HTTP client, which
 * matters when client and server share two cores. Reconnects when the server closes (Tomcat does after 100 requests).
 */
final class HttpConnection implements Closeable {

	private static final int TIMEOUT_MILLIS = 120_000;

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	HttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** POSTs JSON to {@code path}, with a bearer token unless it is {@code null}. */
	Reply post(String path, byte[] body, String token) throws IOException {
		var head = head("POST", path, body.length, token);
		var reply = new ByteArrayOutputStream();
		boolean reused = this.socket != null;
		Head answered;
		try {
			answered = exchange(head, body, reply);
		}
		catch (StaleConnection ex) {
			if (!reused) {
				throw ex;
			}
			// the server closed an idle kept-alive connection before reading the request: send it again
			answered = exchange(head, body, reply);
		}
		return new Reply(answered.status(), reply.toByteArray(), answered.retryAfter());
	}

	/**
	 * GETs {@code path} with a bearer token unless it is {@code null}, and copies the reply's body to {@code body} as
	 * it arrives, never holding it whole (a download of any size); returns the status.
	 */
	int get(String path, String token, OutputStream body) throws IOException {
		return exchange(head("GET", path, -1, token), new byte[0], body).status();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	private Head exchange(byte[] head, byte[] body, OutputStream reply) throws IOException {
		connectIfNeeded();
		try {
			this.out.write(head);
			this.out.write(body);
			this.out.flush();
		}
		catch (IOException ex) {
			close();
			throw new StaleConnection(ex);
		}
		try {
			return readReply(reply);
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void connectIfNeeded() throws IOException {
		if (this.socket == null) {
			var socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.connect(new InetSocketAddress(this.host, this.port), TIMEOUT_MILLIS);
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
			this.out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
		}
	}

	/** The request line and headers; {@code length} below 0: a request without a body (and no JSON headers). */
	private byte[] head(String method, String path, int length, String token) {
		var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
			.append(this.host).append(':').append(this.port).append("\r\n");
		if (length >= 0) {
			head.append("Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
				.append(length).append("\r\n");
		}
		if (token != null) {
			head.append("Authorization: Bearer ").append(token).append("\r\n");
		}
		return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Reads a reply's status line and headers, and copies its body to {@code body}. */
	private Head readReply(OutputStream body) throws IOException {
		var statusLine = readLine(true);
		// "HTTP/1.1 200 " (Tomcat sends no reason phrase)
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		String retryAfter = null;
		for (var line = readLine(false); !line.isEmpty(); line = readLine(false)) {
			int colon = line.indexOf(':');
			var name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			var value = line.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closeAfter = value.equalsIgnoreCase("close");
				case "retry-after" -> retryAfter = value;
				default -> {
				}
			}
		}
		if (chunked) {
			copyChunked(body);
		}
		else if (length >= 0) {
			copyExactly(length, body);
		}
		else if (closeAfter) {
			// neither a length nor chunks: the body ends where the server closes
			this.in.transferTo(body);
		}
		if (closeAfter || (!chunked && length < 0)) {
			close();
		}
		return new Head(status, retryAfter);
	}

	private void copyChunked(OutputStream body) throws IOException {
		while (true) {
			var sizeLine = readLine(false);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
			if (size == 0) {
				// trailers, then the blank line
				while (!readLine(false).isEmpty()) {
					// skip
				}
				return;
			}
			copyExactly(size, body);
			readLine(false);
		}
	}

	private void copyExactly(long length, OutputStream body) throws IOException {
		var buffer = new byte[(int) Math.min(length, 64 * 1024)];
		for (long left = length; left > 0;) {
			int read = this.in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new EOFException("The reply ended after " + (length - left) + " of " + length + " bytes");
			}
			body.write(buffer, 0, read);
			left -= read;
		}
	}

	private String readLine(boolean first) throws IOException {
		var line = new StringBuilder(64);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				if (first && line.isEmpty()) {
					throw new StaleConnection(new EOFException("The server closed the connection"));
				}
				throw new EOFException("The reply ended in a line");
			}
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
	}

	/** The connection was found closed before any byte of a reply: the request can be sent again. */
	private static final class StaleConnection extends IOException {

		StaleConnection(IOException cause) {
			super(cause.getMessage(), cause);
		}
	}

	/** What a reply's head said: its status, and {@code Retry-After} when the server sent one. */
	private record Head(int status, String retryAfter) {
	}

	/** A reply: its status, its body, and {@code Retry-After} when the server sent one. */
	record Reply(int status, byte[] body, String retryAfter) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}
	}
}
