// Shared by handshake.js and bench.js: reads the environment, injects the testkit's RSA key into GramJS, and
// makes a TelegramClient pinned to one DC of the testkit. Errors print to stderr and exit (1: failed, 2: bad
// environment, 3: timed out). GramJS's own log goes to stderr.
//
// Environment:
//   MTQR_DC_ID           the DC to connect to (required)
//   MTQR_HOST            its host (default 127.0.0.1)
//   MTQR_PORT            its port (required)
//   MTQR_DC_PORTS        optional: every DC GramJS may reach, as id=port pairs (e.g. 1=40001,2=40002), all on
//                        MTQR_HOST; without it only MTQR_DC_ID is allowed (a migration fails loudly)
//   MTQR_RSA_N           the server key's modulus, decimal or 0x-prefixed hex (required)
//   MTQR_RSA_E           its public exponent, decimal or 0x-hex (default 65537)
//   MTQR_RSA_FINGERPRINT its fingerprint as a signed 64-bit decimal (required; checked against n and e)
//   MTQR_TRANSPORT       full | abridged | obfuscated (default full)
//   MTQR_TIMEOUT_MS      hard limit for the whole run (default 60000)
//   MTQR_GRAMJS_LOG      GramJS's log level: none | error | warn | info | debug (default warn)
"use strict";

const crypto = require("crypto");

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_TIMEOUT = 3;

function fail(code, message) {
    process.stderr.write(`${require("path").basename(process.argv[1])}: ${message}\n`);
    process.exit(code);
}

function env(name, fallback) {
    const value = process.env[name];
    if (value === undefined || value === "") {
        if (fallback === undefined) {
            fail(EXIT_USAGE, `${name} is not set`);
        }
        return fallback;
    }
    return value;
}

function parseBig(name, text) {
    try {
        return BigInt(text.trim());
    } catch (e) {
        return fail(EXIT_USAGE, `${name} is not a number: ${text}`);
    }
}

const timeoutMs = Number(env("MTQR_TIMEOUT_MS", "60000"));
// Armed before anything else: whatever GramJS does, the process ends.
setTimeout(() => fail(EXIT_TIMEOUT, `timed out after ${timeoutMs} ms`), timeoutMs);

let telegram;
try {
    telegram = {
        client: require("telegram"),
        network: require("telegram/network"),
        sessions: require("telegram/sessions"),
        rsa: require("telegram/crypto/RSA"),
        layer: require("telegram/tl/AllTLObjects").LAYER,
        logger: require("telegram/extensions/Logger"),
        version: require("telegram/package.json").version,
    };
} catch (e) {
    fail(EXIT_USAGE, `cannot load GramJS (run: npm ci --prefix interop/gramjs): ${e.message}`);
}
const bigInt = require("big-integer");
const { TelegramClient, Api } = telegram.client;

const dcId = Number(env("MTQR_DC_ID"));
const host = env("MTQR_HOST", "127.0.0.1");
const port = Number(env("MTQR_PORT"));
const n = parseBig("MTQR_RSA_N", env("MTQR_RSA_N"));
const e = parseBig("MTQR_RSA_E", env("MTQR_RSA_E", "65537"));
const fingerprint = BigInt.asIntN(64, parseBig("MTQR_RSA_FINGERPRINT", env("MTQR_RSA_FINGERPRINT")));
const transport = env("MTQR_TRANSPORT", "full");
const logLevel = env("MTQR_GRAMJS_LOG", "warn");
if (!Number.isInteger(dcId) || dcId < 1 || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail(EXIT_USAGE, `bad DC ${process.env.MTQR_DC_ID} or port ${process.env.MTQR_PORT}`);
}
// DC id -> port: the DCs GramJS may connect to (a migration asks help.getConfig, then dials the DC by its id).
const dcPorts = new Map([[dcId, port]]);
for (const pair of env("MTQR_DC_PORTS", "").split(",").filter((p) => p.trim() !== "")) {
    const match = /^\s*(\d+)\s*=\s*(\d+)\s*$/.exec(pair);
    const id = match && Number(match[1]);
    const dcPort = match && Number(match[2]);
    if (!match || id < 1 || dcPort < 1 || dcPort > 65535) {
        fail(EXIT_USAGE, `MTQR_DC_PORTS must be id=port pairs separated by commas, not ${process.env.MTQR_DC_PORTS}`);
    }
    if (id === dcId && dcPort !== port) {
        fail(EXIT_USAGE, `MTQR_DC_PORTS gives DC ${id} port ${dcPort}, MTQR_PORT says ${port}`);
    }
    dcPorts.set(id, dcPort);
}

// core.telegram.org/mtproto/auth_key: the fingerprint is the low 64 bits of SHA1(rsa_public_key n:string e:string).
function tlBytes(value) {
    let hex = value.toString(16);
    if (hex.length % 2) {
        hex = "0" + hex;
    }
    const body = Buffer.from(hex, "hex");
    const header = body.length < 254
        ? Buffer.from([body.length])
        : Buffer.from([254, body.length & 0xff, (body.length >> 8) & 0xff, (body.length >> 16) & 0xff]);
    const padding = Buffer.alloc((4 - ((header.length + body.length) % 4)) % 4);
    return Buffer.concat([header, body, padding]);
}

const digest = crypto.createHash("sha1").update(Buffer.concat([tlBytes(n), tlBytes(e)])).digest();
const computed = digest.readBigInt64LE(12);
if (computed !== fingerprint) {
    fail(EXIT_USAGE, `MTQR_RSA_FINGERPRINT ${fingerprint} does not match n and e (their fingerprint is ${computed})`);
}
// GramJS looks keys up by the signed decimal string of the fingerprint in resPQ (crypto/RSA.js, network/Authenticator.js).
telegram.rsa._serverKeys.set(fingerprint.toString(), { n: bigInt(n.toString()), e: Number(e) });

// GramJS ignores the session's port (it dials 80, or 443 with WSS, or 443 for DCs from help.getConfig): pin the
// address per DC in the connection itself.
function pinnedTo(Base) {
    const Pinned = class extends Base {
        constructor(params) {
            if (!dcPorts.has(params.dcId)) {
                throw new Error(`GramJS asked for DC ${params.dcId}; the known DCs are ${[...dcPorts.keys()].join(", ")}`);
            }
            super({ ...params, ip: host, port: dcPorts.get(params.dcId) });
        }
    };
    // GramJS names the transport in its log after the class (Connection.toString).
    Object.defineProperty(Pinned, "name", { value: Base.name });
    return Pinned;
}

const connections = {
    full: telegram.network.ConnectionTCPFull,
    abridged: telegram.network.ConnectionTCPAbridged,
    obfuscated: telegram.network.ConnectionTCPObfuscated,
};
if (!(transport in connections)) {
    fail(EXIT_USAGE, `MTQR_TRANSPORT must be one of ${Object.keys(connections).join(", ")}, not ${transport}`);
}

class StderrLogger extends telegram.logger.Logger {
    log(level, message) {
        process.stderr.write(`${this.format(message, level)}\n`);
    }
}

/** A TelegramClient for the pinned DC(s); {@code overrides} replace its options (e.g. requestRetries). */
function newClient(overrides = {}) {
    // Not a StringSession: its save() writes the port as a signed 16-bit number and throws for ports above 32767.
    const session = new telegram.sessions.MemorySession();
    session.setDC(dcId, host, port);
    return new TelegramClient(session, 1, "00000000000000000000000000000000", {
        connection: pinnedTo(connections[transport]),
        useWSS: false,
        connectionRetries: 1,
        reconnectRetries: 0,
        autoReconnect: false,
        requestRetries: 1,
        timeout: 10,
        deviceModel: "mtqr-interop",
        systemVersion: process.version,
        appVersion: telegram.version,
        baseLogger: new StderrLogger(logLevel),
        ...overrides,
    });
}

/** Runs main() and prints its result as one JSON line on stdout, then exits 0; failures exit 1. */
function run(main) {
    main().then(
        (result) => {
            process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
        },
        (error) => {
            fail(EXIT_FAILED, (error && error.stack) || String(error));
        },
    );
}

module.exports = { telegram, Api, dcId, host, port, transport, env, fail, newClient, run, EXIT_USAGE };
