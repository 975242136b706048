#!/usr/bin/env node
// GramJS as the scanning side of QR login: logs in by phone against the mtqr testkit (client.start: auth.sendCode,
// auth.signIn with the test code, 2FA if the account has a password; a PHONE_MIGRATE is followed when
// MTQR_DC_PORTS lets GramJS reach the account's DC), then accepts the code's token with auth.acceptLoginToken and
// prints the authorization it got as one JSON line:
//   {"hash":"…","api_id":4,"device_model":"…","me":"123","dc":2}
// and exits 0. The environment is described in client.js, plus:
//   MTQR_PHONE      the account's phone number (required); its login code is its 6th digit five times (99966XYYYY)
//   MTQR_PASSWORD   its 2FA password (optional)
//   MTQR_LOGIN_URL  the tg://login?token=<base64url> URL to accept (required)
"use strict";

const { Api, dcId, host, port, transport, env, fail, newClient, run, EXIT_USAGE } = require("./client");

async function main() {
    const phone = env("MTQR_PHONE");
    const password = env("MTQR_PASSWORD", "");
    const url = env("MTQR_LOGIN_URL");
    const match = /^tg:\/\/login\?token=([A-Za-z0-9_-]+=*)$/.exec(url);
    if (!match || phone.length < 6) {
        return fail(EXIT_USAGE, `bad MTQR_LOGIN_URL ${url} or MTQR_PHONE ${phone}`);
    }
    const token = Buffer.from(match[1], "base64url");
    // Two tries per request: a PHONE_MIGRATE_X answer makes GramJS switch DC, then send the request again.
    const client = newClient({ requestRetries: 2 });
    if (!(await client.connect())) {
        throw new Error(`GramJS could not connect to DC ${dcId} at ${host}:${port} over ${transport}`);
    }
    let firstError;
    await client.start({
        phoneNumber: phone,
        phoneCode: async () => phone.charAt(5).repeat(5),
        password: password === "" ? undefined : async () => password,
        onError: async (error) => {
            firstError = firstError || error;
            process.stderr.write(`accept.js: ${(error && error.stack) || error}\n`);
            return true;
        },
    });
    if (firstError) {
        throw firstError;
    }
    const me = await client.getMe();
    const authorization = await client.invoke(new Api.auth.AcceptLoginToken({ token }));
    if (!(authorization instanceof Api.Authorization)) {
        throw new Error(`auth.acceptLoginToken answered ${authorization && authorization.className}`);
    }
    return {
        hash: authorization.hash.toString(),
        api_id: authorization.apiId,
        device_model: authorization.deviceModel || "",
        me: me.id.toString(),
        dc: client.session.dcId,
    };
}

run(main);
