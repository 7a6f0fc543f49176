package io.dyntables.deploy;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A typed Java client generated from a table's OpenAPI document by OpenAPI Generator (the
 * {@code java} generator, {@code native} library: the JDK's HTTP client and Jackson),
 * compiled in-process, loaded, and used against the running service: it inserts rows with
 * the table's own types and lists them back with a filter, an order and a page.
 */
@DyntablesIT
class GeneratedClientIT {

	private static final String PACKAGE = "io.dyntables.generated";

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@TempDir
	Path work;

	@Test
	void aClientGeneratedFromTheTablesDocumentInsertsAndListsRows() throws Exception {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("first_name", Map.of("type", "string", "maxLength", 50));
		fields.put("age", "integer");
		fields.put("born", Map.of("type", "date", "required", false));
		fields.put("married", Map.of("type", "boolean", "default", false));
		long id = new Api(this.http).createTable("Generated", fields);
		String base = "http://127.0.0.1:" + this.port;

		Path sources = generate(base + "/api/table/" + id + "/openapi.json");
		try (URLClassLoader client = compile(sources)) {
			Object apiClient = client.loadClass(PACKAGE + ".client.ApiClient").getConstructor().newInstance();
			apiClient.getClass().getMethod("updateBaseUri", String.class).invoke(apiClient, base);
			Class<?> apiType = client.loadClass(PACKAGE + ".api.RowsApi");
			Object rows = apiType.getConstructor(apiClient.getClass()).newInstance(apiClient);

			Class<?> newRow = client.loadClass(PACKAGE + ".model.NewRow");
			Object ann = row(newRow, "Ann", 34, LocalDate.of(1992, 3, 4));
			Object bob = row(newRow, "Bob", 17, null);
			Method insert = method(apiType, "insertRow");
			Object stored = insert.invoke(rows, ann);
			insert.invoke(rows, bob);
			Long annId = (Long) stored.getClass().getMethod("getId").invoke(stored);
			assertThat(annId).isPositive();
			assertThat(stored.getClass().getMethod("getBorn").invoke(stored)).isEqualTo(LocalDate.of(1992, 3, 4));
			assertThat(stored.getClass().getMethod("getMarried").invoke(stored)).isEqualTo(false);

			Method list = method(apiType, "listRows");
			Map<String, Object> arguments = new LinkedHashMap<>();
			arguments.put("age", List.of("gte.18"));
			arguments.put("order", List.of("first_name.desc"));
			arguments.put("limit", 10);
			List<?> adults = (List<?>) list.invoke(rows, arguments(list, arguments));
			assertThat(adults).hasSize(1);
			Object adult = adults.get(0);
			assertThat(adult.getClass().getSimpleName()).isEqualTo("Row");
			assertThat(adult.getClass().getMethod("getFirstName").invoke(adult)).isEqualTo("Ann");
			assertThat(adult.getClass().getMethod("getAge").invoke(adult)).isEqualTo(34);
			assertThat(adult.getClass().getMethod("getId").invoke(adult)).isEqualTo(annId);

			List<?> everyone = (List<?>) list.invoke(rows, arguments(list, Map.of("order", List.of("age"))));
			assertThat(everyone).extracting((row) -> invoke(row, "getFirstName")).containsExactly("Bob", "Ann");
		}
	}

	/** Generates the client's sources from the document at the URL. */
	private Path generate(String document) {
		Path output = this.work.resolve("client");
		CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("java")
			.setLibrary("native")
			.setInputSpec(document)
			.setOutputDir(output.toString())
			.setApiPackage(PACKAGE + ".api")
			.setModelPackage(PACKAGE + ".model")
			.setInvokerPackage(PACKAGE + ".client")
			.addAdditionalProperty("useJakartaEe", true)
			.addAdditionalProperty("openApiNullable", false)
			.addAdditionalProperty("hideGenerationTimestamp", true)
			.addGlobalProperty("apiTests", "false")
			.addGlobalProperty("modelTests", "false")
			.addGlobalProperty("apiDocs", "false")
			.addGlobalProperty("modelDocs", "false");
		List<java.io.File> files = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
		assertThat(files).isNotEmpty();
		return output.resolve("src/main/java");
	}

	/**
	 * Compiles the sources against the test's class path (the client's runtime
	 * dependencies are test dependencies) and loads them.
	 */
	private URLClassLoader compile(Path sources) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK's compiler").isNotNull();
		Path classes = Files.createDirectories(this.work.resolve("classes"));
		List<Path> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		StringWriter out = new StringWriter();
		try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null,
				StandardCharsets.UTF_8)) {
			List<String> options = List.of("-d", classes.toString(), "-classpath",
					System.getProperty("java.class.path"), "-parameters", "-proc:none", "-nowarn");
			boolean compiled = compiler
				.getTask(out, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
				.call();
			assertThat(compiled).as("the generated client compiles: " + diagnostics.getDiagnostics() + out).isTrue();
		}
		return new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
	}

	private static Object row(Class<?> type, String firstName, int age, LocalDate born) throws Exception {
		Object row = type.getConstructor().newInstance();
		type.getMethod("setFirstName", String.class).invoke(row, firstName);
		type.getMethod("setAge", Integer.class).invoke(row, age);
		if (born != null) {
			type.getMethod("setBorn", LocalDate.class).invoke(row, born);
		}
		return row;
	}

	/**
	 * The operation's method that takes its parameters one by one: the widest one but for
	 * the one that also takes extra headers.
	 */
	private static Method method(Class<?> api, String operation) {
		return Stream.of(api.getMethods())
			.filter((method) -> method.getName().equals(operation))
			.filter((method) -> Stream.of(method.getParameterTypes()).noneMatch(Map.class::isAssignableFrom))
			.max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
			.orElseThrow(() -> new AssertionError("the client has no " + operation));
	}

	/**
	 * The arguments of a generated method by parameter name (compiled with
	 * {@code -parameters}), null for the others.
	 */
	private static Object[] arguments(Method method, Map<String, Object> byName) {
		List<Object> arguments = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (java.lang.reflect.Parameter parameter : method.getParameters()) {
			names.add(parameter.getName());
			arguments.add(byName.get(parameter.getName()));
		}
		assertThat(names).containsAll(byName.keySet());
		return arguments.toArray();
	}

	private static Object invoke(Object target, String getter) {
		try {
			return target.getClass().getMethod(getter).invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
