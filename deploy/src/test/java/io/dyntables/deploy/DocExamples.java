package io.dyntables.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of one markdown file, in the order a reader meets them: the commands
 * of its {@code bash}/{@code sh} blocks (lines ending in a backslash joined), each with
 * the status its comment states ({@code # 201 ...}, at the end of the command or on the
 * line after it) and the answer the comment shows. A block whose fence follows the line
 * {@code <!-- not run -->} is skipped and counted.
 */
record DocExamples(Path file, List<Command> commands, int blocksNotRun) {

	static final String NOT_RUN = "<!-- not run -->";

	private static final Pattern OPENING = Pattern.compile("^\\s*```\\s*(\\w*).*$");

	private static final Pattern CLOSING = Pattern.compile("^\\s*```\\s*$");

	private static final Pattern STATUS = Pattern.compile("^#\\s*(\\d{3})\\b(.*)$");

	private static final Pattern INLINE_STATUS = Pattern.compile("\\s#\\s*(\\d{3})\\b(.*)$");

	/**
	 * One command as the docs write it.
	 *
	 * @param line the line of the file it starts on, counted from 1
	 * @param text the command, continuation lines included
	 * @param status the status its comment states, or null when it states none
	 * @param shown the answer its comment shows (may be abridged with "...")
	 */
	record Command(int line, String text, Integer status, String shown) {

		boolean isCurl() {
			return this.text.startsWith("curl ");
		}

		Command expecting(int status, String shown) {
			return new Command(this.line, this.text, status, shown);
		}

		Command showing(String more) {
			return new Command(this.line, this.text, this.status, this.shown + "\n" + more);
		}

	}

	static DocExamples read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		List<Command> commands = new ArrayList<>();
		int notRun = 0;
		String previous = "";
		for (int i = 0; i < lines.size(); i++) {
			Matcher opening = OPENING.matcher(lines.get(i));
			if (!opening.matches()) {
				if (!lines.get(i).isBlank()) {
					previous = lines.get(i).trim();
				}
				continue;
			}
			int end = i + 1;
			while (end < lines.size() && !CLOSING.matcher(lines.get(end)).matches()) {
				end++;
			}
			boolean shell = List.of("bash", "sh", "shell").contains(opening.group(1));
			if (shell && previous.equals(NOT_RUN)) {
				notRun++;
			}
			else if (shell) {
				commands.addAll(commands(lines, i + 1, end));
			}
			previous = "";
			i = end;
		}
		return new DocExamples(file, List.copyOf(commands), notRun);
	}

	/** The commands of lines [from, to), comments attached to the command before them. */
	private static List<Command> commands(List<String> lines, int from, int to) {
		List<Command> commands = new ArrayList<>();
		boolean commentFollows = false;
		for (int i = from; i < to; i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) {
				commentFollows = false;
				continue;
			}
			if (line.startsWith("#")) {
				int last = commands.size() - 1;
				if (commentFollows && last >= 0) {
					Matcher status = STATUS.matcher(line);
					Command command = commands.get(last);
					commands.set(last,
							(command.status() == null && status.matches())
									? command.expecting(Integer.parseInt(status.group(1)), status.group(2))
									: command.showing(line.substring(1)));
				}
				continue;
			}
			int start = i;
			StringBuilder text = new StringBuilder(line);
			while ((text.toString().endsWith("\\") || inQuotes(text)) && i + 1 < to) {
				i++;
				text.append('\n').append(lines.get(i).trim());
			}
			Matcher inline = INLINE_STATUS.matcher(lines.get(i));
			Command command = new Command(start + 1, text.toString(), null, "");
			commands
				.add(inline.find() ? command.expecting(Integer.parseInt(inline.group(1)), inline.group(2)) : command);
			commentFollows = true;
		}
		return commands;
	}

	/** Whether a quote the shell would see is still open at the end of the text. */
	private static boolean inQuotes(CharSequence text) {
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
				while (i < text.length() && text.charAt(i) != '\n') {
					i++;
				}
			}
			else if (quote == 0 && (c == '\'' || c == '"')) {
				quote = c;
			}
			else if (quote == '"' && c == '\\') {
				i++;
			}
			else if (c == quote) {
				quote = 0;
			}
		}
		return quote != 0;
	}

}
