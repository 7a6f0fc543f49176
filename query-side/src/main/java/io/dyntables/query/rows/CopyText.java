package io.dyntables.query.rows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.dyntables.query.rows.RowValidator.ValidRow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Checked rows in the text format of {@code COPY ... FROM STDIN}: one line per row, a tab
 * between values, {@code \N} for null, and backslash escapes for a backslash, tab,
 * newline or carriage return inside a value. Each value is in the text form PostgreSQL
 * reads back exactly ({@link JsonValues#text}).
 */
final class CopyText {

	private CopyText() {
	}

	/** The rows as one chunk of COPY data, on the heap (nothing to release). */
	static ByteBuf encode(List<ValidRow> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 64);
		for (ValidRow row : rows) {
			List<Object> values = row.values();
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					out.append('\t');
				}
				String text = JsonValues.text(values.get(i));
				if (text == null) {
					out.append("\\N");
				}
				else {
					appendEscaped(out, text);
				}
			}
			out.append('\n');
		}
		return Unpooled.wrappedBuffer(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A line with one value more than the given number of columns, which COPY refuses
	 * whatever the columns' types.
	 */
	static ByteBuf unreadableLine(int columns) {
		return Unpooled.wrappedBuffer(("\t".repeat(columns) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static void appendEscaped(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

}
