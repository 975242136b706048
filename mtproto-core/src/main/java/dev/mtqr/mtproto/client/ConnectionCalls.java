package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.session.OutboundCall;
import dev.mtqr.tl.api.ConfigType;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.GetFutureSalts;
import dev.mtqr.tl.mtproto.PingDelayDisconnect;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls a connection makes for itself: they belong to it and go with it ({@link OutboundCall#internal}).
 * {@code invokeWithLayer(layer, initConnection(app, help.getConfig))} first on every connection
 * (core.telegram.org/api/invoking#layers), {@code get_future_salts} to switch salts in time, and pings.
 */
final class ConnectionCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCalls.class);
    /** How many future salts to ask for on each connection (each is valid for about an hour). */
    private static final int FUTURE_SALTS = 32;

    private ConnectionCalls() {
    }

    /** initConnection in the declared layer; the config it returns goes to {@code onConfig}. */
    static OutboundCall init(LinkSettings settings, Consumer<ConfigType> onConfig) {
        AppInfo app = settings.appInfo();
        InitConnection<ConfigType> init = new InitConnection<>(app.apiId(), app.deviceModel(), app.systemVersion(),
                app.appVersion(), app.systemLangCode(), app.langPack(), app.langCode(), null, null, new HelpGetConfig());
        return OutboundCall.internal(new InvokeWithLayer<>(settings.layer(), init), outcome(value -> {
            if (value instanceof ConfigType config) {
                onConfig.accept(config);
            }
        }));
    }

    /** get_future_salts; the salts go to {@code onSalts}. */
    static OutboundCall futureSalts(Consumer<FutureSalts> onSalts) {
        return OutboundCall.internal(new GetFutureSalts(FUTURE_SALTS), outcome(value -> {
            if (value instanceof FutureSalts salts) {
                onSalts.accept(salts);
            }
        }));
    }

    /**
     * ping_delay_disconnect: the server closes the connection if no ping follows within one and a half intervals (at
     * least an interval and the pong timeout), so a client that vanished does not hold it.
     */
    static OutboundCall ping(long id, Duration interval, Duration pongTimeout) {
        long delay = Math.max(interval.toSeconds() * 3 / 2, interval.plus(pongTimeout).toSeconds());
        return OutboundCall.internal(new PingDelayDisconnect(id, (int) Math.max(1, delay)), outcome(pong -> { }));
    }

    private static OutboundCall.Outcome outcome(Consumer<Object> onValue) {
        return new OutboundCall.Outcome() {
            @Override
            public void succeeded(Object value) {
                onValue.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                LOG.debug("a call of the connection's own failed: {}", error.toString());
            }
        };
    }
}
