package io.seatline.shell;

import java.io.PrintWriter;

/** A one-line progress bar, redrawn in place on stderr whenever the percentage changes: {@code [#####-----] 50%}. */
class ProgressBar {

	/** A bar that shows nothing, for work too small to need one. */
	static final ProgressBar NONE = new ProgressBar(null, "", 1);

	private static final int WIDTH = 30;

	private final PrintWriter out;

	private final String label;

	private final long total;

	private int shownPercent = -1;

	ProgressBar(PrintWriter out, String label, long total) {
		this.out = out;
		this.label = label;
		this.total = Math.max(1, total);
	}

	void advanceTo(long done) {
		int percent = (int) Math.min(100, done * 100 / this.total);
		if (this.out == null || percent == this.shownPercent) {
			return;
		}
		this.shownPercent = percent;
		int filled = percent * WIDTH / 100;
		this.out.print("\r" + this.label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
				+ String.format("%3d%%", percent));
		this.out.flush();
	}

	void finish() {
		if (this.out != null && this.shownPercent >= 0) {
			this.out.println();
			this.out.flush();
		}
	}
}
