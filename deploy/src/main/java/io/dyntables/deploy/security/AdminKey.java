package io.dyntables.deploy.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The bootstrap admin key ({@code DYNTABLES_ADMIN_KEY}, or the first line of the file
 * {@code DYNTABLES_ADMIN_KEY_FILE} names, for secrets mounted as files): unrestricted,
 * and the credential that creates the first API keys. It is chosen by whoever deploys, so
 * it must be long enough not to be guessed; only its hash is kept in memory.
 */
final class AdminKey {

	/** The shortest admin key accepted. */
	static final int MIN_LENGTH = 16;

	/** What a bearer token may hold (RFC 6750's b64token). */
	private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

	private static final AdminKey NONE = new AdminKey(null);

	private final byte[] hash;

	private AdminKey(byte[] hash) {
		this.hash = hash;
	}

	/**
	 * The admin key the settings name.
	 * @throws IllegalStateException when both settings are given, the file cannot be
	 * read, or the key is too short, so a mistake stops the start
	 */
	static AdminKey of(SecuritySettings settings) {
		String key = settings.adminKey().strip();
		String file = settings.adminKeyFile().strip();
		if (!key.isEmpty() && !file.isEmpty()) {
			throw new IllegalStateException("Set DYNTABLES_ADMIN_KEY or DYNTABLES_ADMIN_KEY_FILE, not both");
		}
		if (!file.isEmpty()) {
			try {
				key = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
			}
			catch (IOException ex) {
				throw new IllegalStateException("DYNTABLES_ADMIN_KEY_FILE names a file that cannot be read: " + file,
						ex);
			}
		}
		if (key.isEmpty()) {
			if (!file.isEmpty()) {
				throw new IllegalStateException("DYNTABLES_ADMIN_KEY_FILE names an empty file: " + file);
			}
			return NONE;
		}
		if (key.length() < MIN_LENGTH || !BEARER_TOKEN.matcher(key).matches()) {
			throw new IllegalStateException("The admin key must be at least " + MIN_LENGTH
					+ " characters of A-Z a-z 0-9 - . _ ~ + / (then = signs), as a bearer token may hold"
					+ " (for example: openssl rand -base64 32)");
		}
		return new AdminKey(ApiKeyFormat.hash(key));
	}

	boolean configured() {
		return this.hash != null;
	}

	boolean matches(String token) {
		return this.hash != null && MessageDigest.isEqual(ApiKeyFormat.hash(token), this.hash);
	}

}
