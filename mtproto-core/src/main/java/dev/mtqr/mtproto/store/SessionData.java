package dev.mtqr.mtproto.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a client persists between runs: its main (home) DC, the logged-in user and one {@link DcSession}
 * per DC it has a key with. Immutable; the "with" methods return changed copies.
 *
 * <pre>{@code
 * SessionData data = SessionData.empty().withDc(dc2).withMainDc(2).withUserId(777000);
 * }</pre>
 *
 * @param mainDc the DC the account lives on (where requests go by default), 0 if none yet
 * @param userId the logged-in user's id, 0 if not logged in
 * @param dcs    sessions by DC id; copied, unmodifiable, iterated in ascending DC order
 */
public record SessionData(int mainDc, long userId, Map<Integer, DcSession> dcs) {
    private static final SessionData EMPTY = new SessionData(0, 0, Map.of());

    public SessionData {
        if (mainDc < 0) {
            throw new IllegalArgumentException("mainDc must be positive or 0 (none), got " + mainDc);
        }
        if (userId < 0) {
            throw new IllegalArgumentException("userId must be positive or 0 (not logged in), got " + userId);
        }
        Objects.requireNonNull(dcs, "dcs");
        TreeMap<Integer, DcSession> copy = new TreeMap<>();
        dcs.forEach((id, dc) -> {
            Objects.requireNonNull(id, "dcs has a null key");
            Objects.requireNonNull(dc, () -> "dcs has a null session for DC " + id);
            if (dc.dcId() != id) {
                throw new IllegalArgumentException("dcs maps DC " + id + " to a session for DC " + dc.dcId());
            }
            copy.put(id, dc);
        });
        dcs = Collections.unmodifiableMap(copy);
    }

    /** No main DC, not logged in, no keys. */
    public static SessionData empty() {
        return EMPTY;
    }

    /** The session for {@code dcId}, or {@code null} if there is none. */
    public DcSession dc(int dcId) {
        return dcs.get(dcId);
    }

    /** Whether a user is logged in ({@code userId != 0}). */
    public boolean loggedIn() {
        return userId != 0;
    }

    /** This data with {@code dc} added, replacing any session for the same DC. */
    public SessionData withDc(DcSession dc) {
        Objects.requireNonNull(dc, "dc");
        TreeMap<Integer, DcSession> changed = new TreeMap<>(dcs);
        changed.put(dc.dcId(), dc);
        return new SessionData(mainDc, userId, changed);
    }

    /** This data without the session for {@code dcId} (unchanged if there is none; {@code mainDc} is kept). */
    public SessionData withoutDc(int dcId) {
        if (!dcs.containsKey(dcId)) {
            return this;
        }
        TreeMap<Integer, DcSession> changed = new TreeMap<>(dcs);
        changed.remove(dcId);
        return new SessionData(mainDc, userId, changed);
    }

    /** This data with another main DC (0 for none). */
    public SessionData withMainDc(int dcId) {
        return new SessionData(dcId, userId, dcs);
    }

    /** This data with another user id (0 after logging out). */
    public SessionData withUserId(long id) {
        return new SessionData(mainDc, id, dcs);
    }
}
