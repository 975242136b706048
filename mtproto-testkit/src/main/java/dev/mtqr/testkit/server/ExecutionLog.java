package dev.mtqr.testkit.server;

import dev.mtqr.tl.TlMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every RPC query a DC handed to its handlers, unwrapped from {@code invokeWithLayer}, {@code initConnection},
 * {@code invokeAfterMsg(s)} and {@code invokeWithoutUpdates}: what a test reads to check that a call was executed
 * exactly once, however often the client sent it (core.telegram.org/mtproto/service_messages_about_messages: a
 * re-sent message is recognised by its msg_id and not executed again). Thread-safe.
 *
 * <pre>{@code
 * assertEquals(1, dc.executions().count(request -> request instanceof AuthExportLoginToken));
 * }</pre>
 */
public final class ExecutionLog {
    /**
     * One execution.
     *
     * @param dcId      the DC that executed it
     * @param authKeyId the caller's auth_key_id
     * @param sessionId the caller's session_id
     * @param reqMsgId  the msg_id of the message that carried it
     * @param request   the query, without its wrappers
     */
    public record Execution(int dcId, long authKeyId, long sessionId, long reqMsgId, TlMethod<?> request) {
    }

    private final List<Execution> executions = new ArrayList<>();

    /** Every execution so far, oldest first. */
    public synchronized List<Execution> all() {
        return List.copyOf(executions);
    }

    /** How many queries were executed. */
    public synchronized int size() {
        return executions.size();
    }

    /** How many executed queries {@code which} matches. */
    public synchronized long count(Predicate<? super TlMethod<?>> which) {
        return executions.stream().filter(e -> which.test(e.request())).count();
    }

    /** Forgets every execution so far. */
    public synchronized void clear() {
        executions.clear();
    }

    synchronized void record(Execution execution) {
        executions.add(execution);
    }
}
