package io.dyntables.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text file of named cases, each the exact output expected of it, read and compared
 * line by line. A case's header line is {@value #HEADER} and its name; its body runs to
 * the next header. With {@code -Dgolden.update=true} the file is written from the actual
 * output instead, for a change that is meant (the diff then shows in review).
 */
final class GoldenFile {

	static final String HEADER = "-- == ";

	private final Path path;

	private final Map<String, String> expected;

	GoldenFile(Path path) {
		this.path = path;
		this.expected = Files.exists(path) ? parse(read(path)) : Map.of();
	}

	static boolean updating() {
		return Boolean.getBoolean("golden.update");
	}

	/** The expected body of a case, or null when the file has none. */
	String expected(String name) {
		return this.expected.get(name);
	}

	/** The names of the cases the file holds, in its order. */
	List<String> names() {
		return List.copyOf(this.expected.keySet());
	}

	/** Writes these cases as the file, each body ending in a blank line. */
	void write(String preamble, Map<String, String> actual) {
		StringBuilder text = new StringBuilder(preamble);
		actual.forEach((name, body) -> text.append(HEADER).append(name).append('\n').append(body));
		try {
			Files.writeString(this.path, text.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lines that differ, {@code -} expected and {@code +} actual, with the lines
	 * around them; empty when the texts are equal.
	 */
	static String diff(String expected, String actual) {
		List<String> a = expected.lines().toList();
		List<String> b = actual.lines().toList();
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> lines = new ArrayList<>();
		boolean differs = false;
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				lines.add("  " + a.get(i++));
				j++;
			}
			else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
				lines.add("- " + a.get(i++));
				differs = true;
			}
			else {
				lines.add("+ " + b.get(j++));
				differs = true;
			}
		}
		return differs ? String.join("\n", lines) : "";
	}

	private static Map<String, String> parse(String text) {
		Map<String, String> cases = new LinkedHashMap<>();
		String name = null;
		StringBuilder body = new StringBuilder();
		for (String line : text.lines().toList()) {
			if (line.startsWith(HEADER)) {
				if (name != null) {
					cases.put(name, body.toString());
				}
				name = line.substring(HEADER.length());
				body.setLength(0);
			}
			else if (name != null) {
				body.append(line).append('\n');
			}
		}
		if (name != null) {
			cases.put(name, body.toString());
		}
		return cases;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
