package io.dyntables.query.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleQueries.RoleView;
import io.dyntables.api.security.Caller;
import io.dyntables.query.catalog.SchemaChanges;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Every role's grants in memory, so a permission check on the row path reads no database:
 * loaded whole on first use, dropped whenever any instance announces a role change (or
 * this instance may have missed one), and loaded again on the next check. A load that a
 * change overtook is used once but not kept.
 */
@Component
public class RoleGrants {

	private final RoleStore store;

	private final AtomicLong drops = new AtomicLong();

	private volatile Map<String, RoleView> roles;

	RoleGrants(RoleStore store, SchemaChanges changes) {
		this.store = store;
		changes.roles().subscribe((role) -> invalidate());
		changes.everything().subscribe((heard) -> invalidate());
	}

	/** The grants of the caller's roles (roles that do not exist grant nothing). */
	public Mono<List<Grant>> of(Caller caller) {
		if (caller.unrestricted() || caller.roles().isEmpty()) {
			return Mono.just(List.of());
		}
		Map<String, RoleView> known = this.roles;
		if (known != null) {
			return Mono.just(grants(known, caller));
		}
		return Mono.fromCallable(() -> grants(load(), caller)).subscribeOn(Schedulers.boundedElastic());
	}

	/** The grants of the caller's roles, loading them on this thread if needed. */
	public List<Grant> ofBlocking(Caller caller) {
		Map<String, RoleView> known = this.roles;
		return grants((known != null) ? known : load(), caller);
	}

	/** The roles as this instance knows them. */
	Collection<RoleView> roles() {
		Map<String, RoleView> known = this.roles;
		return ((known != null) ? known : load()).values();
	}

	public void invalidate() {
		this.drops.incrementAndGet();
		this.roles = null;
	}

	private Map<String, RoleView> load() {
		long before = this.drops.get();
		Map<String, RoleView> loaded = this.store.all()
			.stream()
			.filter((role) -> !role.deleted())
			.collect(Collectors.toUnmodifiableMap(RoleView::name, Function.identity()));
		if (this.drops.get() == before) {
			this.roles = loaded;
		}
		return loaded;
	}

	private static List<Grant> grants(Map<String, RoleView> roles, Caller caller) {
		List<Grant> grants = new ArrayList<>();
		for (String role : caller.roles()) {
			RoleView view = roles.get(role);
			if (view != null) {
				grants.addAll(view.grants());
			}
		}
		return grants;
	}

}
