#!/usr/bin/env python3
# Telethon 1.25 as the new device of QR login (core.telegram.org/api/qr-login): client.qr_login() against the mtqr
# testkit. Each code is printed as soon as it is there, as one JSON line on stdout:
#   {"qr":"tg://login?token=…","expires":1700000000}
# Once a logged-in device accepts it (QRLogin.wait follows auth.loginTokenMigrateTo to the account's DC; a
# SESSION_PASSWORD_NEEDED is answered with sign_in(password=…)), the user is printed as the last JSON line:
#   {"user_id":"123","first_name":"Alice","phone":"9996621234","dc":2,"qr_codes":1,"password_asked":1}
# and the script exits 0. The environment is described in common.py, plus:
#   MTQR_PASSWORD   the account's 2FA password (optional: without it a password request fails the run)
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import emit, env, new_client, run  # noqa: E402
from telethon.errors import SessionPasswordNeededError  # noqa: E402


async def main():
    password = env("MTQR_PASSWORD", "")
    client = new_client()
    await client.connect()
    codes = 0
    password_asked = 0
    try:
        qr = await client.qr_login()
        while True:
            codes += 1
            emit({"qr": qr.url, "expires": int(qr.expires.timestamp())})
            left = (qr.expires - datetime.datetime.now(tz=datetime.timezone.utc)).total_seconds()
            try:
                user = await qr.wait(max(1.0, left))
                break
            except SessionPasswordNeededError:
                if password == "":
                    raise
                password_asked += 1
                user = await client.sign_in(password=password)
                break
            except __import__("asyncio").TimeoutError:
                await qr.recreate()
        return {
            "user_id": str(user.id),
            "first_name": user.first_name or "",
            "phone": user.phone or "",
            "self": bool(user.is_self),
            "dc": client.session.dc_id,
            "qr_codes": codes,
            "password_asked": password_asked,
        }
    finally:
        await client.disconnect()


if __name__ == "__main__":
    run(main)
