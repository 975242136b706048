package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.time.Cancellable;
import dev.mtqr.mtproto.time.Scheduler;
import java.time.Duration;

/**
 * Keeps one open connection honest, on its link's thread: a keep-alive ping every {@code pingInterval}
 * ({@code ping_delay_disconnect}, core.telegram.org/mtproto/service_messages#ping-messages-pingpong); when calls wait
 * and nothing has come for {@code pongTimeout}, a probe ping; and when nothing comes for as long again after the
 * probe, the verdict that the server went silent. It ticks every half {@code pongTimeout}, so it runs the same on an
 * event loop and in virtual time.
 */
final class Liveness {
    /** The connection watched. */
    interface Watched {
        /** Whether calls wait for the server. */
        boolean waiting();

        /** Sends a ping now. */
        void ping();

        /** Nothing came for {@code quiet} after a probe: the server is silent. */
        void silent(Duration quiet);
    }

    private final Scheduler loop;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration tick;
    private Cancellable timer = Cancellable.NONE;
    private Watched watched;
    private int quietTicks;
    private int ticksSincePing;
    private boolean probing;

    Liveness(Scheduler loop, Duration pingInterval, Duration pongTimeout) {
        this.loop = loop;
        this.pingInterval = pingInterval;
        this.pongTimeout = pongTimeout;
        this.tick = Duration.ofMillis(Math.max(250, pongTimeout.toMillis() / 2));
    }

    /** Watches {@code connection} from now on (forgetting any other). */
    void start(Watched connection) {
        stop();
        watched = connection;
        quietTicks = 0;
        ticksSincePing = 0;
        probing = false;
        arm(connection);
    }

    /** Stops watching. */
    void stop() {
        timer.cancel();
        watched = null;
    }

    /** Something authentic came from the server: it is alive. */
    void heard() {
        quietTicks = 0;
        probing = false;
    }

    private void arm(Watched connection) {
        timer = loop.schedule(tick, () -> {
            if (watched == connection) {
                check(connection);
                if (watched == connection) {
                    arm(connection);
                }
            }
        });
    }

    private void check(Watched connection) {
        quietTicks++;
        ticksSincePing++;
        Duration quiet = tick.multipliedBy(quietTicks);
        if (probing) {
            if (quiet.compareTo(pongTimeout) >= 0) {
                connection.silent(quiet);
            }
            return;
        }
        boolean keepAlive = !pingInterval.isZero() && tick.multipliedBy(ticksSincePing).compareTo(pingInterval) >= 0;
        boolean probe = connection.waiting() && quiet.compareTo(pongTimeout) >= 0;
        if (keepAlive || probe) {
            ticksSincePing = 0;
            if (probe) {
                probing = true;
                quietTicks = 0;
            }
            connection.ping();
        }
    }
}
