package io.seatline.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * JSON text kept as its UTF-8 bytes only, for a generator to write raw: a generator that writes bytes copies them as
 * they are (one that writes characters decodes them first). Never written quoted: it is JSON already.
 */
final class Utf8Json implements SerializableString {

	private final byte[] bytes;

	Utf8Json(byte[] bytes) {
		this.bytes = bytes;
	}

	/** The blocks' bytes one after the other, then {@code end}. */
	static Utf8Json join(Utf8Json[] blocks, byte end) {
		var length = 1;
		for (var block : blocks) {
			length += block.bytes.length;
		}
		var joined = new byte[length];
		var at = 0;
		for (var block : blocks) {
			System.arraycopy(block.bytes, 0, joined, at, block.bytes.length);
			at += block.bytes.length;
		}
		joined[at] = end;
		return new Utf8Json(joined);
	}

	@Override
	public String getValue() {
		return new String(this.bytes, StandardCharsets.UTF_8);
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public byte[] asUnquotedUTF8() {
		return this.bytes;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		if (offset + this.bytes.length > buffer.length) {
			return -1;
		}
		System.arraycopy(this.bytes, 0, buffer, offset, this.bytes.length);
		return this.bytes.length;
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.bytes);
		return this.bytes.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (buffer.remaining() < this.bytes.length) {
			return -1;
		}
		buffer.put(this.bytes);
		return this.bytes.length;
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		return text().appendUnquoted(buffer, offset);
	}

	// quoting is for a generator that writes this as a string, which raw JSON never is: done as for any text

	@Override
	public char[] asQuotedChars() {
		return text().asQuotedChars();
	}

	@Override
	public byte[] asQuotedUTF8() {
		return text().asQuotedUTF8();
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return text().appendQuotedUTF8(buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		return text().appendQuoted(buffer, offset);
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		return text().writeQuotedUTF8(out);
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
		return text().putQuotedUTF8(buffer);
	}

	private SerializedString text() {
		return new SerializedString(getValue());
	}
}
