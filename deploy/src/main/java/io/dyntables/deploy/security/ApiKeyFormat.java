package io.dyntables.deploy.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code dt_<prefix>_<secret>}, the prefix 8 random
 * lower-case letters and digits (shown in lists and history, and the key's id for
 * lookup), the secret 32 random bytes in URL-safe Base64. Only a SHA-256 hash of the
 * whole key is stored: the secret is 256 random bits, so nobody can guess it from the
 * hash, and a slow password hash (bcrypt, Argon2) that protects guessable passwords would
 * only cost milliseconds on every request.
 */
final class ApiKeyFormat {

	static final String MARK = "dt_";

	private static final String PREFIX_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final int PREFIX_LENGTH = 8;

	private static final int SECRET_BYTES = 32;

	private static final Pattern KEY = Pattern.compile("dt_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeyFormat() {
	}

	/** A new key, never seen before (with overwhelming probability). */
	static String generate() {
		StringBuilder key = new StringBuilder(MARK);
		for (int i = 0; i < PREFIX_LENGTH; i++) {
			key.append(PREFIX_LETTERS.charAt(RANDOM.nextInt(PREFIX_LETTERS.length())));
		}
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return key.append('_').append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)).toString();
	}

	/** Whether the bearer token is shaped like one of our keys (not a JWT). */
	static boolean looksLikeKey(String token) {
		return token.startsWith(MARK);
	}

	/** Whether the token is exactly in the key format. */
	static boolean wellFormed(String token) {
		return KEY.matcher(token).matches();
	}

	/** The lookup prefix of a well-formed key. */
	static String prefix(String key) {
		return key.substring(MARK.length(), MARK.length() + PREFIX_LENGTH);
	}

	/** The stored hash of a key (or of any secret). */
	static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Whether the key hashes to the stored hash, in time independent of where they
	 * differ.
	 */
	static boolean matches(String key, byte[] storedHash) {
		return MessageDigest.isEqual(hash(key), storedHash);
	}

}
