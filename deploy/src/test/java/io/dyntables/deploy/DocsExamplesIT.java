package io.dyntables.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dyntables.deploy.DocExamples.Command;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every shell example of the READMEs and of {@code docs/} against the service, so
 * the docs cannot drift from the API. Each file's examples run in order, as a reader
 * would type them, with real curl: {@code localhost:8080} becomes the test's port, and
 * table n of a file (the n-th it creates) becomes the id the service gave it. Every curl
 * command must state its status in its comment, and every JSON member (and error code)
 * its comment shows must be in the answer. Variable assignments and {@code printf} run
 * too; blocks marked not run are counted. In a context (and database) of its own, since
 * the docs replay the projection.
 */
@DyntablesIT
@TestPropertySource(properties = "dyntables.it.isolation=docs")
class DocsExamplesIT {

	/** Table numbers from this one on are left as written: the docs' unknown tables. */
	private static final int UNKNOWN_TABLES = 1000;

	private static final Pattern TABLE_PATH = Pattern.compile("/api/table/(\\d+)");

	private static final Pattern CREATE_TABLE = Pattern.compile("-X POST +'?localhost:8080/api/table/?'?(\\s|$)");

	private static final Pattern CREATED_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=.*", Pattern.DOTALL);

	private static final Pattern MEMBER = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:");

	/** A header a comment shows on a line of its own: {@code # ETag: "1"}. */
	private static final Pattern HEADER = Pattern.compile("(?m)^\\s*([A-Z][A-Za-z0-9-]*):\\s*(.*?)\\s*$");

	private static final Pattern STATUS_LINE = Pattern.compile("@status (\\d{3})");

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

	/** A code named in words right after the status: {@code # 404 row-not-found}. */
	private static final Pattern CODE_IN_WORDS = Pattern.compile("^\\s*([a-z]+(?:-[a-z]+)+)\\b");

	/**
	 * Real curl, quiet, bounded in time, writing the status to stderr where the test
	 * reads it; an option a command gives itself (such as a shorter {@code --max-time})
	 * wins.
	 */
	private static final String CURL = """
			curl() { command curl --silent --show-error --max-time 30 --write-out '%{stderr}\\n@status %{http_code}\\n' "$@"; }
			""";

	@Value("${local.server.port}")
	int port;

	@TempDir
	Path work;

	@TestFactory
	Stream<DynamicTest> everyShellExampleAnswersAsDocumented() throws IOException {
		Path root = repositoryRoot();
		List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("bench/README.md")));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		List<DocExamples> examples = new ArrayList<>();
		for (Path file : files) {
			examples.add(DocExamples.read(file));
		}
		assertThat(
				examples.stream().mapToLong((file) -> file.commands().stream().filter(Command::isCurl).count()).sum())
			.as("curl examples found in the docs")
			.isGreaterThan(20);
		return examples.stream()
			.map((file) -> DynamicTest.dynamicTest(root.relativize(file.file()).toString(),
					() -> run(root.relativize(file.file()).toString(), file)));
	}

	/** Runs one file's examples in order, in a working directory of their own. */
	private void run(String name, DocExamples file) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve(name.replace('/', '_')));
		List<String> tables = new ArrayList<>();
		Map<String, String> variables = new HashMap<>();
		int curls = 0;
		for (Command command : file.commands()) {
			String where = name + ":" + command.line() + ": " + command.text();
			String text = withTables(command.text().replace("localhost:8080", "localhost:" + this.port), tables, where);
			Matcher assignment = ASSIGNMENT.matcher(text);
			if (command.isCurl()) {
				curls++;
				assertThat(command.status()).as("the status of %s (write it as '# 200 ...' after it)", where)
					.isNotNull();
				Result result = bash(dir, variables, text);
				Matcher status = STATUS_LINE.matcher(result.stderr());
				assertThat(status.find()).as("a status from %s; stderr: %s", where, result.stderr()).isTrue();
				assertThat(Integer.parseInt(status.group(1)))
					.as("the status of %s; answer: %s %s", where, result.stdout(), result.stderr())
					.isEqualTo(command.status());
				assertThat(members(result.stdout()))
					.as("the JSON members of the answer to %s: %s", where, result.stdout())
					.containsAll(members(command.shown()));
				assertThat(all(CODE, result.stdout()))
					.as("the error code of the answer to %s: %s", where, result.stdout())
					.containsAll(codes(command.shown()));
				assertHeaders(result.stdout(), command.shown(), where);
				if (CREATE_TABLE.matcher(command.text()).find() && command.status() == 201) {
					Matcher id = CREATED_ID.matcher(result.stdout());
					assertThat(id.find()).as("the id of the table %s created", where).isTrue();
					tables.add(id.group(1));
				}
			}
			else if (assignment.matches()) {
				String variable = assignment.group(1);
				Result result = bash(dir, variables, text + "\nprintf %s \"$" + variable + "\"");
				assertThat(result.exit()).as("%s: %s", where, result.stderr()).isZero();
				variables.put(variable, result.stdout());
			}
			else if (text.startsWith("printf ")) {
				Result result = bash(dir, variables, text);
				assertThat(result.exit()).as("%s: %s", where, result.stderr()).isZero();
			}
			else {
				fail("%s is neither curl, an assignment nor printf: mark its block %s", where, DocExamples.NOT_RUN);
			}
		}
		awaitNoReplay();
		System.out.printf("%s: %d curl examples answered as documented; blocks marked not run (skipped): %d%n", name,
				curls, file.blocksNotRun());
	}

	/**
	 * Lets a replay the file started finish, so the next file starts on a settled
	 * service.
	 */
	private void awaitNoReplay() {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest progress = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/replay"))
			.timeout(Duration.ofSeconds(10))
			.build();
		Api.await(Duration.ofSeconds(60), "the replay to finish", () -> {
			try {
				return !client.send(progress, BodyHandlers.ofString()).body().contains("\"state\":\"running\"");
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/**
	 * The command with table n of the docs replaced by the n-th table this file created.
	 */
	private static String withTables(String text, List<String> tables, String where) {
		Matcher table = TABLE_PATH.matcher(text);
		StringBuilder replaced = new StringBuilder();
		while (table.find()) {
			int n = Integer.parseInt(table.group(1));
			if (n >= UNKNOWN_TABLES) {
				continue;
			}
			assertThat(n).as("%s refers to table %d; the file has created %d so far", where, n, tables.size())
				.isBetween(1, tables.size());
			table.appendReplacement(replaced, "/api/table/" + tables.get(n - 1));
		}
		return table.appendTail(replaced).toString();
	}

	/**
	 * Each header the comment shows is in the answer ({@code curl -i}): with its value,
	 * unless the value is abridged with "...".
	 */
	private static void assertHeaders(String answer, String shown, String where) {
		Matcher header = HEADER.matcher(shown);
		while (header.find()) {
			String name = Pattern.quote(header.group(1));
			String value = header.group(2).contains("...") ? ".*" : Pattern.quote(header.group(2));
			assertThat(Pattern.compile("(?mi)^" + name + ":\\s*(?-i)" + value + "\\s*$").matcher(answer).find())
				.as("the header %s of the answer to %s: %s", header.group(), where, answer)
				.isTrue();
		}
	}

	private static Set<String> members(String json) {
		return all(MEMBER, json);
	}

	/** The codes a comment shows: as JSON, or in words right after the status. */
	private static Set<String> codes(String shown) {
		Set<String> codes = all(CODE, shown);
		Matcher inWords = CODE_IN_WORDS.matcher(shown);
		if (inWords.find()) {
			codes.add(inWords.group(1));
		}
		return codes;
	}

	private static Set<String> all(Pattern pattern, String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Result bash(Path dir, Map<String, String> variables, String command) throws Exception {
		Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
		Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", CURL + command).directory(dir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().putAll(variables);
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("still running after 60 s: " + command);
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	/** The directory holding README.md and docs/: the module's parent. */
	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null
				&& !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("a directory above the module holding README.md and docs/").isNotNull();
		return dir;
	}

	private record Result(int exit, String stdout, String stderr) {
	}

}
