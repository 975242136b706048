#!/usr/bin/env node
// GramJS as the new device of QR login (core.telegram.org/api/qr-login): client.signInUserWithQrCode against the
// mtqr testkit. Each code it gets is printed as soon as it is there, as one JSON line on stdout:
//   {"qr":"tg://login?token=…","expires":1700000000}
// Once a logged-in device accepts it (GramJS then follows auth.loginTokenMigrateTo to the account's DC and answers
// the 2FA password), the user is printed as the last JSON line:
//   {"user_id":"123","first_name":"Alice","phone":"9996621234","dc":2,"qr_codes":1}
// and the script exits 0. The environment is described in client.js, plus:
//   MTQR_PASSWORD   the account's 2FA password (optional: without it a password request fails the run)
//   MTQR_API_ID     the api_id for auth.exportLoginToken (default 1)
//   MTQR_API_HASH   its api_hash (default 32 zeros)
// Give MTQR_DC_PORTS when the account lives on another DC than MTQR_DC_ID.
"use strict";

const { dcId, host, port, transport, env, newClient, run } = require("./client");

async function main() {
    const password = env("MTQR_PASSWORD", "");
    const apiId = Number(env("MTQR_API_ID", "1"));
    const apiHash = env("MTQR_API_HASH", "00000000000000000000000000000000");
    const client = newClient();
    if (!(await client.connect())) {
        throw new Error(`GramJS could not connect to DC ${dcId} at ${host}:${port} over ${transport}`);
    }
    let codes = 0;
    let passwordAsked = 0;
    let firstError;
    const user = await client.signInUserWithQrCode({ apiId, apiHash }, {
        qrCode: async ({ token, expires }) => {
            codes++;
            const url = `tg://login?token=${Buffer.from(token).toString("base64url")}`;
            process.stdout.write(`${JSON.stringify({ qr: url, expires })}\n`);
        },
        password: password === "" ? undefined : async (hint) => {
            passwordAsked++;
            process.stderr.write(`qr-login.js: password asked (hint ${JSON.stringify(hint)})\n`);
            return password;
        },
        onError: async (error) => {
            // GramJS loops on errors while onError says to go on: stop at the first one and report it.
            firstError = firstError || error;
            process.stderr.write(`qr-login.js: ${(error && error.stack) || error}\n`);
            return true;
        },
    });
    if (firstError) {
        throw firstError;
    }
    return {
        user_id: user.id.toString(),
        first_name: user.firstName || "",
        phone: user.phone || "",
        self: Boolean(user.self),
        dc: client.session.dcId,
        qr_codes: codes,
        password_asked: passwordAsked,
    };
}

run(main);
