-- The DDL each event runs, as SchemaDdl writes it: every event type, and every type change
-- between two field types in both conversion modes. Each statement is followed by what it
-- does to the table. Checked exactly by SchemaDdlGoldenTest; rewritten by running it with
-- -Dgolden.update=true.

-- == TableCreated: no fields
CREATE TABLE "dyntables_data"."empty_8" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
--    lock none (new table)

-- == TableCreated: a field of each type, an optional one, two unique ones (one with a hashed constraint name)
CREATE TABLE "dyntables_data"."every_type_9" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "string_field" varchar(200), "text_field" text, "integer_field" integer, "bigint_field" bigint, "decimal_field" numeric(18,2), "float_field" double precision, "boolean_field" boolean, "date_field" date, "timestamp_field" timestamptz, "uuid_field" uuid, "json_field" jsonb, "optional_field" varchar(20), "code" uuid, "a_field_name_long_enough_that_its_unique_constraint_is_hashed" bigint, CONSTRAINT "uq_9_code" UNIQUE ("code"), CONSTRAINT "uq_9_he05217ada90cd2024f085ce5" UNIQUE ("a_field_name_long_enough_that_its_unique_constraint_is_hashed"), CONSTRAINT "nn_9_string_field" CHECK ("string_field" IS NOT NULL), CONSTRAINT "nn_9_text_field" CHECK ("text_field" IS NOT NULL), CONSTRAINT "nn_9_integer_field" CHECK ("integer_field" IS NOT NULL), CONSTRAINT "nn_9_bigint_field" CHECK ("bigint_field" IS NOT NULL), CONSTRAINT "nn_9_decimal_field" CHECK ("decimal_field" IS NOT NULL), CONSTRAINT "nn_9_float_field" CHECK ("float_field" IS NOT NULL), CONSTRAINT "nn_9_boolean_field" CHECK ("boolean_field" IS NOT NULL), CONSTRAINT "nn_9_date_field" CHECK ("date_field" IS NOT NULL), CONSTRAINT "nn_9_timestamp_field" CHECK ("timestamp_field" IS NOT NULL), CONSTRAINT "nn_9_uuid_field" CHECK ("uuid_field" IS NOT NULL), CONSTRAINT "nn_9_json_field" CHECK ("json_field" IS NOT NULL), CONSTRAINT "nn_9_code" CHECK ("code" IS NOT NULL), CONSTRAINT "nn_9_he05217ada90cd2024f085ce5" CHECK ("a_field_name_long_enough_that_its_unique_constraint_is_hashed" IS NOT NULL));
--    lock none (new table)

-- == FieldAdded: required
ALTER TABLE "dyntables_data"."people_7" ADD COLUMN "born" date;
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "nn_7_born" CHECK ("born" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldAdded: optional with a default
ALTER TABLE "dyntables_data"."people_7" ADD COLUMN "score" numeric(5,1);
--    lock ACCESS EXCLUSIVE

-- == FieldAdded: unique
ALTER TABLE "dyntables_data"."people_7" ADD COLUMN "email" text;
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "uq_7_email" UNIQUE ("email");
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "nn_7_email" CHECK ("email" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldAdded: unique, with a hashed constraint name
ALTER TABLE "dyntables_data"."people_7" ADD COLUMN "a_field_name_long_enough_that_its_unique_constraint_is_hashed" text;
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "uq_7_he05217ada90cd2024f085ce5" UNIQUE ("a_field_name_long_enough_that_its_unique_constraint_is_hashed");
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "nn_7_he05217ada90cd2024f085ce5" CHECK ("a_field_name_long_enough_that_its_unique_constraint_is_hashed" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldRemoved
ALTER TABLE "dyntables_data"."people_7" DROP COLUMN "age";
--    lock ACCESS EXCLUSIVE, destroys data

-- == FieldRemoved: unique
ALTER TABLE "dyntables_data"."people_7" DROP COLUMN "name";
--    lock ACCESS EXCLUSIVE, destroys data

-- == FieldTypeChanged: string -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: string -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: text -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: text -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: integer -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: integer -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: bigint -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: bigint -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(18,2) -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(18,2) -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: float -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: float -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: boolean -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: boolean -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING to_char("value", 'YYYY-MM-DD');
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'varchar(200)') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING to_char("value", 'YYYY-MM-DD');
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'text') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'integer') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'bigint') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'numeric(18,2)') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'double precision') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'boolean') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING ("value"::timestamp AT TIME ZONE 'UTC');
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'timestamptz') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'uuid') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: date -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: date -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value", 'YYYY-MM-DD'), 'jsonb') THEN (to_char("__v2_value", 'YYYY-MM-DD'))::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING to_char("value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'varchar(200)') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING to_char("value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'text') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'integer') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'bigint') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'numeric(18,2)') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'double precision') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'boolean') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'date') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'uuid') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: timestamp -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: timestamp -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid(to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'jsonb') THEN (to_char("__v2_value" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: uuid -> json, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: uuid -> json, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" jsonb;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'jsonb') THEN ("__v2_value"::text)::jsonb END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> text, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE text USING "value"::text;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> text, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" text;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'text') THEN ("__v2_value"::text)::text END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> integer, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE integer USING "value"::integer;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> integer, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" integer;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'integer') THEN ("__v2_value"::text)::integer END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> bigint, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE bigint USING "value"::bigint;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> bigint, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" bigint;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'bigint') THEN ("__v2_value"::text)::bigint END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> decimal(18,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(18,2) USING "value"::numeric(18,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> decimal(18,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(18,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(18,2)') THEN ("__v2_value"::text)::numeric(18,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> float, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE double precision USING "value"::double precision;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> float, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" double precision;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'double precision') THEN ("__v2_value"::text)::double precision END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> boolean, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE boolean USING "value"::boolean;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> boolean, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" boolean;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'boolean') THEN ("__v2_value"::text)::boolean END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> date, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE date USING "value"::date;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> date, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" date;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'date') THEN ("__v2_value"::text)::date END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> timestamp, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE timestamptz USING "value"::timestamptz;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> timestamp, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" timestamptz;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'timestamptz') THEN ("__v2_value"::text)::timestamptz END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: json -> uuid, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE uuid USING "value"::uuid;
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: json -> uuid, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" uuid;
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'uuid') THEN ("__v2_value"::text)::uuid END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string(50) -> string, strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(200) USING "value"::text;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string(50) -> string, lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(200);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(200)') THEN ("__v2_value"::text)::varchar(200) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> string(50), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE varchar(50) USING "value"::text;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: string -> string(50), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" varchar(50);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'varchar(50)') THEN ("__v2_value"::text)::varchar(50) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(10,2) -> decimal(12,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(12,2) USING "value"::numeric(12,2);
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(10,2) -> decimal(12,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(12,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(12,2)') THEN ("__v2_value"::text)::numeric(12,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(10,2) -> decimal(12,4), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(12,4) USING "value"::numeric(12,4);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(10,2) -> decimal(12,4), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(12,4);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(12,4)') THEN ("__v2_value"::text)::numeric(12,4) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldTypeChanged: decimal(12,4) -> decimal(10,2), strict
ALTER TABLE "dyntables_data"."values_7" ALTER COLUMN "value" TYPE numeric(10,2) USING "value"::numeric(10,2);
--    lock ACCESS EXCLUSIVE, rewrites the table

-- == FieldTypeChanged: decimal(12,4) -> decimal(10,2), lenient
ALTER TABLE "dyntables_data"."values_7" RENAME COLUMN "value" TO "__v2_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" DROP CONSTRAINT IF EXISTS "nn_7_value";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."values_7" ADD COLUMN "value" numeric(10,2);
--    lock ACCESS EXCLUSIVE
UPDATE "dyntables_data"."values_7" SET "value" = CASE WHEN pg_input_is_valid("__v2_value"::text, 'numeric(10,2)') THEN ("__v2_value"::text)::numeric(10,2) END;
--    lock ACCESS EXCLUSIVE, rewrites the table
ALTER TABLE "dyntables_data"."values_7" ADD CONSTRAINT "nn_7_value" CHECK ("value" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldOptionsChanged: unique no more
ALTER TABLE "dyntables_data"."people_7" DROP CONSTRAINT "uq_7_name";
--    lock ACCESS EXCLUSIVE

-- == FieldOptionsChanged: optional, with a default
ALTER TABLE "dyntables_data"."people_7" DROP CONSTRAINT IF EXISTS "nn_7_age";
--    lock ACCESS EXCLUSIVE

-- == FieldRenamed
ALTER TABLE "dyntables_data"."people_7" RENAME COLUMN "age" TO "years";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" DROP CONSTRAINT IF EXISTS "nn_7_age";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "nn_7_years" CHECK ("years" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldRenamed: unique, its constraint renamed too
ALTER TABLE "dyntables_data"."people_7" RENAME COLUMN "name" TO "full_name";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" RENAME CONSTRAINT "uq_7_name" TO "uq_7_full_name";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" DROP CONSTRAINT IF EXISTS "nn_7_name";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "nn_7_full_name" CHECK ("full_name" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == FieldRenamed: unique, to a name whose constraint name is hashed
ALTER TABLE "dyntables_data"."people_7" RENAME COLUMN "name" TO "a_field_name_long_enough_that_its_unique_constraint_is_hashed";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" RENAME CONSTRAINT "uq_7_name" TO "uq_7_he05217ada90cd2024f085ce5";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" DROP CONSTRAINT IF EXISTS "nn_7_name";
--    lock ACCESS EXCLUSIVE
ALTER TABLE "dyntables_data"."people_7" ADD CONSTRAINT "nn_7_he05217ada90cd2024f085ce5" CHECK ("a_field_name_long_enough_that_its_unique_constraint_is_hashed" IS NOT NULL) NOT VALID;
--    lock ACCESS EXCLUSIVE

-- == TableRenamed
-- (no statement)

-- == TableDeleted
DROP TABLE "dyntables_data"."people_7";
--    lock ACCESS EXCLUSIVE, destroys data

