package io.seatline.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SMTP port that accepts connections and never says a word: a send in progress when the process dies. */
final class StallingSmtpServer implements AutoCloseable {

	private final ServerSocket server = new ServerSocket(0);

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	StallingSmtpServer() throws IOException {
		this.acceptor = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					this.connections.add(this.server.accept());
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** How many connections it has accepted so far. */
	int connectionCount() {
		return this.connections.size();
	}

	void awaitConnection(Duration timeout) throws InterruptedException {
		EmailCrashIT.await(() -> !this.connections.isEmpty(), timeout);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (var connection : this.connections) {
			connection.close();
		}
	}
}
