#!/usr/bin/env python3
# Telethon 1.25 as the scanning side of QR login: logs in by phone against the mtqr testkit (send_code_request,
# sign_in with the test code, sign_in(password=…) if the account has 2FA; Telethon follows PHONE_MIGRATE_X by
# itself through help.getConfig), then accepts the code's token with auth.acceptLoginToken and prints the
# authorization it got as one JSON line:
#   {"hash":"…","api_id":4,"device_model":"…","me":"123","dc":2}
# and exits 0. The environment is described in common.py, plus:
#   MTQR_PHONE      the account's phone number (required); its login code is its 6th digit five times (99966XYYYY)
#   MTQR_PASSWORD   its 2FA password (optional)
#   MTQR_LOGIN_URL  the tg://login?token=<base64url> URL to accept (required)
import base64
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import EXIT_USAGE, env, fail, new_client, run  # noqa: E402
from telethon import functions, types  # noqa: E402
from telethon.errors import SessionPasswordNeededError  # noqa: E402


async def main():
    phone = env("MTQR_PHONE")
    password = env("MTQR_PASSWORD", "")
    url = env("MTQR_LOGIN_URL")
    match = re.fullmatch(r"tg://login\?token=([A-Za-z0-9_-]+=*)", url)
    if not match or len(phone) < 6:
        fail(EXIT_USAGE, f"bad MTQR_LOGIN_URL {url} or MTQR_PHONE {phone}")
    encoded = match.group(1).rstrip("=")
    token = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    client = new_client()
    await client.connect()
    try:
        # Telethon's own request: layer 144's auth.sendCode with codeSettings#8a6469c2.
        sent = await client.send_code_request(phone)
        try:
            await client.sign_in(phone, phone[5] * 5, phone_code_hash=sent.phone_code_hash)
        except SessionPasswordNeededError:
            if password == "":
                raise
            await client.sign_in(password=password)
        me = await client.get_me()
        authorization = await client(functions.auth.AcceptLoginTokenRequest(token=token))
        if not isinstance(authorization, types.Authorization):
            raise TypeError(f"auth.acceptLoginToken answered {type(authorization).__name__}")
        return {
            "hash": str(authorization.hash),
            "api_id": authorization.api_id,
            "device_model": authorization.device_model or "",
            "me": str(me.id),
            "dc": client.session.dc_id,
        }
    finally:
        await client.disconnect()


if __name__ == "__main__":
    run(main)
