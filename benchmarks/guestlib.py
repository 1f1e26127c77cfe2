"""Shared helpers for the benchmark scripts: a keep-alive JSON client and development tokens."""
import base64
import hashlib
import hmac
import http.client
import json
import os
import time
import urllib.parse

DEV_SECRET = "guestlist-development-secret-not-for-production!"


def token(user, minutes=600):
    secret = os.environ.get("GUESTLIST_JWT_SECRET", DEV_SECRET).encode()
    b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps({"sub": user, "iat": now, "exp": now + minutes * 60}).encode())
    signature = b64(hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest())
    return f"{header}.{payload}.{signature}"


class Client:
    """One HTTP/1.1 connection, reused: round trips measure the service, not connection set-up."""

    def __init__(self, base_url, user):
        parsed = urllib.parse.urlparse(base_url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.auth = "Bearer " + token(user)
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def request(self, method, path, body=None, content_type="application/json", headers=None):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        all_headers = {"Authorization": self.auth, "Content-Type": content_type}
        all_headers.update(headers or {})
        status, raw = self.exchange(method, path, data, all_headers)
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw
        return status, parsed

    def exchange(self, method, path, data=None, headers=None):
        """One round trip, the body read whole and left unparsed: what a load loop times."""
        self.conn.request(method, path, body=data, headers=headers if headers is not None else {"Authorization": self.auth})
        response = self.conn.getresponse()
        return response.status, response.read()

    def ok(self, method, path, body=None, **kwargs):
        status, parsed = self.request(method, path, body, **kwargs)
        if status >= 300:
            raise SystemExit(f"{method} {path} -> {status}: {parsed}")
        return parsed


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]
