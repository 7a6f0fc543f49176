package io.dyntables.deploy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the service's OpenAPI document says about itself: its title, the version of the
 * build, a description, the license and a contact, and its tags in the order a reader
 * needs them (tables, rows, history, administration; any other after them).
 */
class ApiDescription implements OpenApiCustomizer {

	private static final String DESCRIPTION = """
			Create PostgreSQL tables at run time, change their schemas safely, and read and write their rows.

			Every schema change is an event of the table; the projector applies its DDL to PostgreSQL, and a \
			command answers once it has (or 202 with a Location to poll). Every error is RFC 9457 Problem \
			Details with a stable `code` and a JSON pointer to the offending part of the request.

			Each table has its own OpenAPI document, typed by its schema, to generate a client from: \
			`GET /api/table/{id}/openapi.json` (`?version=N` for an earlier version of the schema); \
			`GET /api/openapi` lists them.""";

	/** The tags in reading order, with what they hold. */
	private static final Map<String, String> TAGS = tags();

	private final String version;

	private final License license;

	private final Contact contact;

	/**
	 * @param version the service's version
	 * @param license the license the API is offered under
	 * @param contact whom to ask about it
	 */
	ApiDescription(String version, License license, Contact contact) {
		this.version = version;
		this.license = license;
		this.contact = contact;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Info info = (openApi.getInfo() != null) ? openApi.getInfo() : new Info();
		openApi.info(info.title("dyntables")
			.version(this.version)
			.description(DESCRIPTION)
			.license(this.license)
			.contact(this.contact));
		openApi.setTags(ordered(openApi.getTags()));
	}

	/** The known tags first, in order, then any other the operations carry. */
	private static List<Tag> ordered(List<Tag> found) {
		Map<String, Tag> byName = new LinkedHashMap<>();
		TAGS.forEach((name, description) -> byName.put(name, new Tag().name(name).description(description)));
		if (found != null) {
			for (Tag tag : found) {
				byName.putIfAbsent(tag.getName(), tag);
			}
		}
		return new ArrayList<>(byName.values());
	}

	private static Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("Tables", "Create tables, change and read their schemas, and their own OpenAPI documents");
		tags.put("Rows", "Write and read rows of a table: one, many, listings with filters, exports");
		tags.put("History", "Every schema change, who made it, the DDL it ran; diffs, reverts and the live feed");
		tags.put("Administration", "The projector's position, replays, drift");
		return tags;
	}

}
