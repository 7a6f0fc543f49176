package io.dyntables.query.admin;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * This instance's name in the token store's claims and in the list of live projector
 * instances: process and host, made unique, so two instances (even two in one JVM) never
 * take each other's claims for their own.
 */
@Component
public class NodeName {

	private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	public String id() {
		return this.id;
	}

}
