package io.seatline.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test under {@code target/}, where a database can run out of space. Mounting needs root
 * (or CAP_SYS_ADMIN); where the machine does not allow it, the test is skipped with the reason.
 */
final class SmallDisk implements AutoCloseable {

	private final Path folder;

	private final Path filler;

	private SmallDisk(Path folder) {
		this.folder = folder;
		this.filler = folder.resolve("filler");
	}

	/** Mounts a tmpfs of {@code megabytes}, or skips the test when that is not allowed here. */
	static SmallDisk mountOrSkip(String name, int megabytes) throws Exception {
		var folder = Path.of("target", "fault-disks", name + "-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(folder);
		var mount = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "tmpfs", folder.toString());
		Assumptions.assumeTrue(mount.isEmpty(), () -> "Skipped: this test mounts a small tmpfs to fill it, and "
				+ "mounting is not allowed here (it needs root): " + mount);
		return new SmallDisk(folder);
	}

	Path folder() {
		return this.folder;
	}

	/** Writes a file until the disk refuses another byte; returns how many bytes it took. */
	long fill() throws IOException {
		long written = 0;
		try (var channel = FileChannel.open(this.filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			for (int chunk = 1 << 20; chunk > 0; chunk /= 2) {
				var bytes = ByteBuffer.allocate(chunk);
				while (true) {
					try {
						bytes.clear();
						while (bytes.hasRemaining()) {
							written += channel.write(bytes);
						}
					}
					catch (IOException full) {
						// the disk is full for this size: try smaller pieces, down to one byte
						break;
					}
				}
			}
		}
		if (Files.getFileStore(this.folder).getUsableSpace() > 0) {
			throw new IllegalStateException("The disk still has room after filling it: "
					+ Files.getFileStore(this.folder).getUsableSpace() + " bytes");
		}
		return written;
	}

	/** Deletes the filler: the disk has room again. */
	void free() throws IOException {
		Files.delete(this.filler);
	}

	/** Unmounts the tmpfs; whatever still holds a file open on it must have been stopped before. */
	@Override
	public void close() throws Exception {
		var unmount = run("umount", this.folder.toString());
		if (!unmount.isEmpty()) {
			// something still holds a file open: detach it now, the kernel frees it when the last file closes
			run("umount", "-l", this.folder.toString());
		}
		Files.deleteIfExists(this.folder);
	}

	/** Runs a command; returns its output when it failed, else an empty string. */
	private static String run(String... command) throws Exception {
		Process process;
		try {
			process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return ex.toString();
		}
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return String.join(" ", command) + " did not finish";
		}
		return (process.exitValue() == 0) ? "" : String.join(" ", command) + " failed (" + process.exitValue() + "): "
				+ (output.isEmpty() ? "no output" : output);
	}
}
