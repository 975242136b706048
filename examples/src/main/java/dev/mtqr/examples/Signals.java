package dev.mtqr.examples;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as a request to stop: while installed, they run an action instead of ending the JVM, so that a
 * command can close its servers and exit 0. Closing puts the previous handlers back.
 */
final class Signals implements AutoCloseable {
    private static final String[] NAMES = {"TERM", "INT"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Signals() {
    }

    static Signals onStop(Runnable action) {
        Signals installed = new Signals();
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                installed.previous.add(Signal.handle(signal, s -> action.run()));
                installed.signals.add(signal);
            } catch (IllegalArgumentException e) {
                // this platform or the JVM's own use of the signal: keep the default behaviour
            }
        }
        return installed;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
