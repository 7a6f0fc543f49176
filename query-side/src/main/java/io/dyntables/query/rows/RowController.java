package io.dyntables.query.rows;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rows of a table. */
@RestController
@RequestMapping("/api/table/{id}")
@Tag(name = "Rows", description = "Write and read rows of a table")
class RowController {

	private static final String ROW_EXAMPLE = """
			{"first_name": "Joe", "last_name": "Doe", "age": 16, "address": "Heaven Str 45"}""";

	private final RowService rows;

	RowController(RowService rows) {
		this.rows = rows;
	}

	@PostMapping("/row")
	@Operation(summary = "Add a row",
			description = "Values are checked strictly against the schema: \"12\" is not an integer. "
					+ "Answers 201 with the stored row and its id.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Person", value = ROW_EXAMPLE))))
	Mono<ResponseEntity<Map<String, Object>>> insert(@PathVariable long id, @RequestBody Map<String, Object> row) {
		return this.rows.insert(id, row)
			.map((stored) -> ResponseEntity.created(URI.create("/api/table/" + id + "/rows/" + stored.get("id")))
				.body(stored));
	}

	@GetMapping("/rows")
	@Operation(summary = "List rows", description = "A JSON array of the table's rows, by id.")
	Flux<Map<String, Object>> all(@PathVariable long id) {
		return this.rows.all(id);
	}

}
