package io.seatline.benchmarks;

import java.io.OutputStream;

/**
 * Counts the bytes and the records (RFC 4180: a line break inside quotes is part of a cell) of CSV written to it, and
 * keeps nothing else: a download or a file of any size is counted in constant memory.
 */
final class CsvRecords extends OutputStream {

	private long bytes;

	private long records;

	private boolean quoted;

	private int last = '\n';

	@Override
	public void write(int b) {
		count((byte) b);
	}

	@Override
	public void write(byte[] buffer, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			count(buffer[i]);
		}
	}

	long bytes() {
		return this.bytes;
	}

	/** Records seen, the header included; a last record without a line break counts too. */
	long records() {
		return this.records + ((this.last != '\n') ? 1 : 0);
	}

	private void count(byte b) {
		this.bytes++;
		if (b == '"') {
			this.quoted = !this.quoted;
		}
		else if (b == '\n' && !this.quoted) {
			this.records++;
		}
		this.last = b;
	}
}
