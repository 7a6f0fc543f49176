package io.dyntables.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console at {@code /console} in a real browser: a table created, rows added in the
 * grid (a refused value shown on its cell), a field retyped through its dry run (a
 * concurrent change shown as a conflict first), the history entry and the diff, a revert
 * through its preview, an import and an export; no errors in the browser's console, every
 * control labelled, dialogs that give focus back, a narrow screen without sideways
 * scrolling. In a context (and database) of its own, so the tables view shows only this
 * test's tables. Screenshots of the main views go to {@code target/console-screenshots},
 * and also to the folder named by {@code -Dconsole.screenshots} (the docs' images:
 * {@code -Dconsole.screenshots=../docs/images}). Skipped, saying why, when the machine
 * has no Chromium.
 */
@DyntablesIT
@TestPropertySource(properties = "dyntables.it.isolation=console")
class ConsoleIT {

	private static final Pattern TABLE_ID = Pattern.compile("#/t/(\\d+)/");

	/** A refusal the scenario asks for: Chromium logs every answer of 400 or more. */
	private static final Pattern REFUSED = Pattern.compile(".* - Failed to load resource: .* status of (\\d{3}) .*");

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@TempDir
	Path directory;

	private Browser browser;

	@BeforeEach
	void startBrowser() {
		Browser.assumeInstalled();
		this.browser = Browser.start(this.directory);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void consoleIsServedAtBothPaths() {
		for (String path : List.of("/console", "/console/")) {
			String page = this.http.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(page).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
		}
		this.http.get().uri("/console/js/app.js").exchange().expectStatus().isOk();
		this.http.get().uri("/console/console.css").exchange().expectStatus().isOk();
	}

	@Test
	void tableLifeInTheConsole() throws IOException {
		Api api = new Api(this.http);
		api.createTable("Orders", Map.of("number", "string", "placed", "timestamp", "total",
				Map.of("type", "decimal", "precision", 12, "scale", 2)));
		api.createTable("Products", Map.of("sku", Map.of("type", "string", "unique", true), "title", "string", "price",
				"decimal", "stock", "integer", "attributes", Map.of("type", "json", "required", false)));

		this.browser.open(base() + "/console");
		this.browser.waitForText("main h1", "Tables");
		this.browser.waitFor("tr[data-table-id]");
		assertLabelled();

		// create a table: the dialog takes focus and gives it back when closed
		WebElement newTable = this.browser.waitFor("main .page-head .btn-primary");
		newTable.click();
		assertThat(this.browser.focused().getAttribute("data-role")).isEqualTo("table-name");
		this.browser.focused().sendKeys(Keys.ESCAPE);
		this.browser.waitUntilGone("dialog");
		assertThat(this.browser.focused().getText()).isEqualTo("New table");
		newTable.click();
		this.browser.focused().sendKeys("Customers");
		fillField(0, "name", "string", true, false);
		addField("email", "string", false, true);
		addField("credit_limit", "decimal", false, false);
		addField("signed_up", "date", false, false);
		assertLabelled();
		this.browser.click("dialog", "Review and create");
		this.browser.waitForText("[data-testid=dry-run]", "CREATE TABLE");
		assertThat(this.browser.find("[data-testid=dry-run]").getText()).contains("TableCreated")
			.contains("Keeps all data");
		this.browser.click("dialog", "Create table");
		this.browser.waitForUrl("/rows");
		Matcher id = TABLE_ID.matcher(this.browser.url());
		assertThat(id.find()).isTrue();
		long table = Long.parseLong(id.group(1));
		this.browser.waitForText("[data-testid=row-count]", "0 rows");

		// rows in the grid: a refused value is shown on its cell, then corrected
		insertRow(Map.of("name", "Ada Lovelace", "email", "ada@example.org", "credit_limit", "lots"));
		WebElement error = this.browser.waitFor("tr.new-row td[data-field=credit_limit] .cell-error");
		assertThat(error.getText()).contains("credit_limit");
		WebElement limit = this.browser.find("tr.new-row td[data-field=credit_limit] input");
		assertThat(limit.getAttribute("aria-invalid")).isEqualTo("true");
		limit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2500.5", Keys.ENTER);
		this.browser.waitForText("[data-testid=row-count]", "1 row");
		insertRow(Map.of("name", "Grace Hopper", "email", "grace@example.org", "credit_limit", "1200", "signed_up",
				"2026-03-09"));
		this.browser.waitForText("[data-testid=row-count]", "2 rows");
		this.browser.waitUntilGone("tr.new-row");

		// inline edit of a cell
		this.browser.find("tr[data-row-id='1'] td[data-field=signed_up] .cell").click();
		this.browser.focused().sendKeys("2026-01-15", Keys.ENTER);
		this.browser.waitForText("tr[data-row-id='1'] td[data-field=signed_up]", "2026-01-15");
		assertThat(api.rows(table)).anySatisfy((row) -> assertThat(row).containsEntry("name", "Ada Lovelace")
			.containsEntry("signed_up", "2026-01-15"));

		// import a CSV file with progress, then sort
		Path csv = this.directory.resolve("customers.csv");
		Files.writeString(csv, """
				name,email,credit_limit,signed_up\r
				Alan Turing,alan@example.org,800.00,2026-02-01\r
				"Hopper, Grace (2)",,,2026-02-11\r
				Katherine Johnson,katherine@example.org,3100.25,2026-04-20\r
				Edsger Dijkstra,edsger@example.org,950,\r
				Barbara Liskov,barbara@example.org,4200,2026-05-02\r
				Margaret Hamilton,margaret@example.org,2750,2026-06-17\r
				John Backus,john@example.org,1800,2026-07-08\r
				Frances Allen,frances@example.org,3900,2026-08-30\r
				""", StandardCharsets.UTF_8);
		this.browser.click("main", "Import");
		this.browser.find("dialog input[type=file]").sendKeys(csv.toString());
		this.browser.click("dialog", "Import");
		this.browser.waitForText("[data-testid=import-status]", "Inserted 8 rows");
		this.browser.click("dialog", "Close");
		this.browser.waitForText("[data-testid=row-count]", "10 rows");
		assertThat(api.rows(table)).anySatisfy((row) -> assertThat(row).containsEntry("name", "Hopper, Grace (2)")
			.containsEntry("email", null)
			.containsEntry("credit_limit", null));
		this.browser.find("th[data-sort-field=credit_limit] button").click();
		this.browser.waitFor("th[aria-sort=ascending]");
		assertThat(this.browser.find("tbody tr td[data-field=name]").getText()).isEqualTo("Alan Turing");
		assertLabelled();
		screenshot("rows");

		// a retype whose dry run is read while someone renames the table: 412, shown as
		// such
		this.browser.click("nav", "Schema");
		retype("signed_up", "timestamp");
		this.browser.click("main", "Review changes");
		this.browser.waitForText("[data-testid=dry-run]", "FieldTypeChanged");
		this.http.patch()
			.uri("/api/table/{id}", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Clients"))
			.exchange()
			.expectStatus()
			.isOk();
		this.browser.click("dialog", "Apply change");
		this.browser.waitForText("dialog", "Someone changed this table after you opened it");
		this.browser.click("dialog", "Reload the table");
		this.browser.waitForText("main h1", "Clients");
		this.browser.waitForText("[data-testid=table-version]", "version 2");
		assertThat(api.table(table).get("fields")).extracting("signed_up").extracting("type").isEqualTo("date");

		// the retype again: its dry run tells the events, the DDL, the lock and the
		// rewrite
		retype("signed_up", "timestamp");
		this.browser.click("main", "Review changes");
		WebElement dryRun = this.browser.waitForText("[data-testid=dry-run]", "ALTER TABLE");
		assertThat(dryRun.getText()).contains("changed field signed_up from date to timestamp")
			.contains("TYPE timestamptz")
			.contains("Lock: ACCESS EXCLUSIVE")
			.contains("Rewrites the table")
			.contains("Keeps all data");
		assertThat(this.browser.waitFor("[data-testid=row-impact]").getText())
			.isEqualTo("The table holds 10 rows. All of them are rewritten while the lock is held.");
		assertThat((Boolean) this.browser
			.script("""
					return [...document.querySelectorAll('dialog, dialog *')].some((e) => [...e.childNodes]
						.some((n) => n.nodeType === Node.TEXT_NODE && ['null', 'undefined'].includes(n.textContent.trim())));"""))
			.as("no stray null in the dialog")
			.isFalse();
		this.browser.find("dialog input[maxlength='200']").sendKeys("signup times, not only days");
		screenshot("schema-dry-run");
		this.browser.click("dialog", "Apply change");
		this.browser.waitForText("[data-testid=table-version]", "version 3");
		assertThat(api.table(table).get("fields")).extracting("signed_up").extracting("type").isEqualTo("timestamp");

		// the history: the entry with its reason and DDL, and the diff
		this.browser.click("nav", "History");
		WebElement latest = this.browser.waitFor("li[data-version='3']");
		assertThat(latest.getText()).contains("changed field signed_up from date to timestamp")
			.contains("signup times, not only days");
		this.browser.waitForText("[data-testid=diff]", "signed_up type date → timestamp");
		this.browser.find("li[data-version='1'] button[aria-label='Schema as of version 1']").click();
		this.browser.waitForText("#as-of-title", "version 1");
		this.browser.click("li[@data-version='1']", "Diff");
		this.browser.waitForText("[data-testid=diff]", "From version 1 to version 3");
		assertThat(this.browser.find("[data-testid=diff]").getText())
			.contains("Table renamed from Customers to Clients")
			.contains("signed_up type date → timestamp");
		latest.findElement(By.cssSelector("details summary")).click();
		assertLabelled();
		screenshot("history-diff");

		// revert to version 1: a narrowing change back, refused until asked to convert
		// leniently
		this.browser.click("li[@data-version='1']", "Revert to this");
		this.browser.waitForText("dialog", "type-change-refused");
		this.browser.find("dialog input[type=checkbox]").click();
		WebElement revert = this.browser.waitForText("[data-testid=dry-run]", "FieldTypeChanged");
		assertThat(revert.getText()).contains("renamed table Clients to Customers").contains("__v4_signed_up");
		this.browser.click("dialog", "Revert");
		this.browser.waitForText("[data-testid=table-version]", "version 4");
		this.browser.waitForText("main h1", "Customers");
		assertThat(api.table(table)).containsEntry("name", "Customers");
		assertThat(api.table(table).get("fields")).extracting("signed_up").extracting("type").isEqualTo("date");

		// export what the grid shows, as CSV
		this.browser.click("nav", "Rows");
		this.browser.waitForText("[data-testid=row-count]", "10 rows");
		this.browser.click("main", "Export");
		this.browser.click("dialog", "Export");
		this.browser.waitForText("[data-testid=export-status]", "Exported 10 rows");
		List<String> exported = Files.readAllLines(this.browser.downloaded("customers_" + table + ".csv"));
		assertThat(exported).hasSize(11).first().isEqualTo("id,name,email,credit_limit,signed_up");
		assertThat(exported)
			.anySatisfy((line) -> assertThat(line).startsWith("1,Ada Lovelace,ada@example.org,2500.50,"));
		this.browser.click("dialog", "Close");

		// the tables view, and on a narrow screen without sideways scrolling
		this.browser.open(base() + "/console/#/");
		this.browser.waitFor("tr[data-table-id='" + table + "']");
		screenshot("tables");
		this.browser.resize(390, 844);
		this.browser.open(base() + "/console/#/t/" + table + "/rows");
		this.browser.waitForText("[data-testid=row-count]", "10 rows");
		this.browser.open(base() + "/console/#/");
		this.browser.waitFor("tr[data-table-id='" + table + "']");
		assertThat((Boolean) this.browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
			.isTrue();
		screenshot("tables-narrow");

		assertThat(this.browser.errors())
			.allSatisfy((message) -> assertThat(expectedRefusal(message)).as("browser console: %s", message).isTrue());
	}

	@Test
	void pagesWithTheCursorAndFollowsTheLiveFeed() {
		Api api = new Api(this.http);
		long table = api.createTable("Readings", Map.of("sensor", "string", "value", "integer"));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			rows.add(Map.of("sensor", "s-" + i, "value", i * 10));
		}
		api.load(table, MediaType.APPLICATION_JSON, rows, 60);

		this.browser.open(base() + "/console/#/t/" + table + "/rows");
		this.browser.waitForText("[data-testid=row-count]", "50 rows on page 1 of 60 matching");
		this.browser.click("main", "Next →");
		this.browser.waitForText("[data-testid=row-count]", "10 rows on page 2 of 60 matching");
		assertThat(this.browser.find("tbody tr td.idcol").getText()).isEqualTo("51");
		this.browser.click("main", "← Previous");
		this.browser.waitForText("[data-testid=row-count]", "50 rows on page 1 of 60 matching");
		this.browser.find("th[data-sort-field=value] button").click();
		this.browser.waitFor("th[data-sort-field=value][aria-sort=ascending]");
		this.browser.find("th[data-sort-field=value] button").click();
		this.browser.waitFor("th[data-sort-field=value][aria-sort=descending]");
		this.browser.waitForText("tbody tr td[data-field=value]", "600");
		this.browser.click("main", "Next →");
		this.browser.waitForText("[data-testid=row-count]", "10 rows on page 2 of 60 matching");
		assertThat(this.browser.find("tbody tr td[data-field=value]").getText()).isEqualTo("100");

		// a change made elsewhere shows up in the open grid
		api.changeSchema(table, Map.of("fields",
				Map.of("sensor", "string", "value", "integer", "unit", Map.of("type", "string", "required", false))));
		this.browser.waitFor("th[data-sort-field=unit]");
		this.browser.waitForText("[data-testid=table-version]", "version 2");
		assertThat(this.browser.errors()).isEmpty();
	}

	@Test
	void keyIsSentAsBearerAndKeptForTheSessionOnly() {
		String key = this.http.post()
			.uri("/api/admin/keys")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "console", "roles", List.of("admin")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("key")
			.toString();
		this.browser.open(base() + "/console");
		this.browser.waitFor("tr[data-table-id], main .empty");
		this.browser.script("""
				window.sentAuthorization = [];
				const original = window.fetch;
				window.fetch = (input, init) => {
					window.sentAuthorization.push((init && init.headers && init.headers.Authorization) || null);
					return original(input, init);
				};""");
		this.browser.find("#key-button").click();
		this.browser.focused().sendKeys(key);
		this.browser.find("dialog input[type=checkbox]").click();
		this.browser.click("dialog", "Use key");
		this.browser.waitForText("#key-button", "API key: set");
		this.browser.waitFor("tr[data-table-id], main .empty");
		@SuppressWarnings("unchecked")
		List<Object> sent = (List<Object>) this.browser.script("return window.sentAuthorization");
		assertThat(sent).isNotEmpty().allSatisfy((header) -> assertThat(header).isEqualTo("Bearer " + key));
		assertThat(this.browser.script("return sessionStorage.getItem('dyntables.console.key')")).isEqualTo(key);
		assertThat(this.browser.script("return localStorage.length")).isEqualTo(0L);

		this.browser.find("#key-button").click();
		this.browser.click("dialog", "Clear key");
		this.browser.waitForText("#key-button", "API key: none");
		assertThat(this.browser.script("return sessionStorage.getItem('dyntables.console.key')")).isNull();
	}

	/**
	 * The refusals the scenario provokes: a bad value, a stale If-Match, a narrowing
	 * revert.
	 */
	private static boolean expectedRefusal(String message) {
		Matcher refused = REFUSED.matcher(message);
		if (!refused.matches()) {
			return false;
		}
		String status = refused.group(1);
		return (status.equals("422") && (message.contains("/row ") || message.contains("/revert?")))
				|| (status.equals("412") && message.contains("/api/table/"));
	}

	/** Every input, select and button has an accessible name. */
	private void assertLabelled() {
		@SuppressWarnings("unchecked")
		List<String> unlabelled = (List<String>) this.browser.script("""
				return [...document.querySelectorAll('input, select, textarea, button')]
					.filter((e) => e.type !== 'hidden' && e.offsetParent !== null)
					.filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
						&& !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
					.map((e) => e.outerHTML.slice(0, 120));""");
		assertThat(unlabelled).isEmpty();
	}

	/** Fills the field editor's row; the editor rebuilds its rows on every change. */
	private void fillField(int index, String name, String type, boolean required, boolean unique) {
		fieldRow(index).findElement(By.cssSelector("[data-role=field-name]"))
			.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.TAB);
		this.browser.waitUntil(() -> "field-type".equals(this.browser.focused().getAttribute("data-role"))
				&& name.equals(fieldRow(index).getAttribute("data-field")));
		this.browser.act(() -> new Select(fieldRow(index).findElement(By.cssSelector("[data-role=field-type]")))
			.selectByValue(type));
		this.browser.waitUntil(
				() -> type.equals(new Select(fieldRow(index).findElement(By.cssSelector("[data-role=field-type]")))
					.getFirstSelectedOption()
					.getAttribute("value")));
		this.browser
			.act(() -> setChecked(fieldRow(index).findElement(By.xpath(".//label[normalize-space()='Required']/input")),
					required));
		this.browser
			.act(() -> setChecked(fieldRow(index).findElement(By.xpath(".//label[normalize-space()='Unique']/input")),
					unique));
	}

	private WebElement fieldRow(int index) {
		return this.browser.all("dialog .field-row").get(index);
	}

	private void addField(String name, String type, boolean required, boolean unique) {
		this.browser.click("dialog", "Add field");
		fillField(this.browser.all("dialog .field-row").size() - 1, name, type, required, unique);
	}

	private static void setChecked(WebElement box, boolean checked) {
		if (box.isSelected() != checked) {
			box.click();
		}
	}

	private void insertRow(Map<String, String> values) {
		if (this.browser.all("tr.new-row").isEmpty()) {
			this.browser.click("main", "Add row");
		}
		for (Map.Entry<String, String> value : values.entrySet()) {
			WebElement input = this.browser.find("tr.new-row td[data-field=" + value.getKey() + "] input");
			input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value.getValue());
		}
		this.browser.click("tr[contains(@class,'new-row')]", "Save");
	}

	private void retype(String field, String type) {
		WebElement select = this.browser.waitFor(".field-row[data-field=" + field + "] select[data-role=field-type]");
		new Select(select).selectByValue(type);
		this.browser.waitFor(".field-row[data-field=" + field + "][data-state=changed]");
	}

	private void screenshot(String name) throws IOException {
		this.browser.script("document.getElementById('toasts').replaceChildren()");
		Path file = Path.of("target", "console-screenshots", name + ".png");
		this.browser.screenshot(file);
		String docs = System.getProperty("console.screenshots");
		if (docs != null && !docs.isBlank()) {
			Path target = Files.createDirectories(Path.of(docs)).resolve("console-" + name + ".png");
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
