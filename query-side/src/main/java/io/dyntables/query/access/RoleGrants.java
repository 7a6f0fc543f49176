package io.dyntables.query.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleNames;
import io.dyntables.api.access.TableScope;
import io.dyntables.api.security.Action;
import io.dyntables.api.access.RoleQueries.RoleView;
import io.dyntables.api.security.Caller;
import io.dyntables.query.catalog.OtherChannel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Every role's grants in memory, so a permission check on the row path reads no database:
 * loaded whole on first use, dropped whenever any instance announces a role change on
 * {@value #CHANNEL} (or this instance may have missed one), and loaded again on the next
 * check. A load that a change overtook is used once but not kept. The built-in role
 * {@value #ADMIN_ROLE} grants every action on every table.
 */
@Component
public class RoleGrants implements OtherChannel {

	/** The channel role changes are announced on, the payload naming the role. */
	public static final String CHANNEL = "dyntables_access";

	/** The built-in role that grants every action on every table. */
	public static final String ADMIN_ROLE = RoleNames.ADMIN;

	private static final Grant EVERYTHING = new Grant(Set.of(Action.values()), TableScope.allTables(), null, null,
			null);

	private final RoleStore store;

	private final AtomicLong drops = new AtomicLong();

	private volatile Map<String, RoleView> roles;

	RoleGrants(RoleStore store) {
		this.store = store;
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void heard(String payload) {
		invalidate();
	}

	@Override
	public void mayHaveMissed() {
		invalidate();
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
		if (caller.roles().contains(ADMIN_ROLE)) {
			grants.add(EVERYTHING);
		}
		for (String role : caller.roles()) {
			RoleView view = roles.get(role);
			if (view != null) {
				grants.addAll(view.grants());
			}
		}
		return grants;
	}

}
