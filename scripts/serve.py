#!/usr/bin/env python3
"""Static file server for Qadam's dist/ (Python 3 standard library only).

    python3 scripts/serve.py [--port N] [--dir DIR] [--host ADDR] [--verbose]

* Listens on 127.0.0.1:$PORT (default 8080; --port 0 picks a free port). Prints
  "Serving <dir> at http://127.0.0.1:<port>/" once it is listening.
* Serves the pre-compressed sibling (file.br, file.gz) when the client's Accept-Encoding allows it,
  with Content-Encoding and Vary: Accept-Encoding.
* Content-Type per extension (application/wasm for wasm, so streaming compilation works).
* Cache-Control: "public, max-age=31536000, immutable" for content-hashed names (name-<8 hex>.ext),
  "public, max-age=300" for embed.js (host pages load it on every view), "no-cache" (revalidate with ETag)
  for everything else, index.html and sw.js included.
* Security headers on every response. The CSP's frame-ancestors defaults to 'self'; set
  QADAM_FRAME_ANCESTORS (e.g. "'self' https://partner.example") to allow embedding elsewhere.
* 404 for anything missing, directories (other than / -> index.html) and paths outside the root.
"""
import argparse
import email.utils
import hashlib
import os
import posixpath
import re
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".map": "application/json",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".pdf": "application/pdf",
}
# Preference order when the client accepts several encodings equally.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
HASHED = re.compile(r"-[0-9a-f]{8}\.[A-Za-z0-9]+$")


def csp():
    frame_ancestors = os.environ.get("QADAM_FRAME_ANCESTORS", "'self'").strip() or "'self'"
    return (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
        f"object-src 'none'; base-uri 'none'; frame-ancestors {frame_ancestors}"
    )


def accepted_encodings(header):
    """Encodings with q > 0 from an Accept-Encoding header, as {name: q}."""
    out = {}
    for part in (header or "").split(","):
        fields = part.strip().split(";")
        name = fields[0].strip().lower()
        if not name:
            continue
        q = 1.0
        for param in fields[1:]:
            k, _, v = param.strip().partition("=")
            if k.strip().lower() == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        out[name] = q
    if "*" in out:
        for name, _ in ENCODINGS:
            out.setdefault(name, out["*"])
    return {k: v for k, v in out.items() if v > 0}


class Handler(BaseHTTPRequestHandler):
    server_version = "qadam-serve"

    def version_string(self):
        return self.server_version
    protocol_version = "HTTP/1.1"
    root = "dist"
    verbose = False

    def log_message(self, fmt, *args):  # quiet unless --verbose
        if self.verbose:
            sys.stderr.write("serve: %s %s\n" % (self.address_string(), fmt % args))

    def common_headers(self):
        self.send_header("Content-Security-Policy", csp())
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")

    def send_status_only(self, status, extra=()):
        body = b"" if status == HTTPStatus.NOT_MODIFIED else f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.common_headers()
        for k, v in extra:
            self.send_header(k, v)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def resolve(self):
        """The file under root for the request path, or None."""
        raw = urllib.parse.urlsplit(self.path).path
        path = urllib.parse.unquote(raw)
        if "\x00" in path or "\\" in path:
            return None
        norm = posixpath.normpath(path)
        if norm in ("/", "."):
            norm = "/index.html"
        parts = [p for p in norm.split("/") if p]
        if any(p in ("..", ".") or p.startswith(".") for p in parts):
            return None
        full = os.path.join(self.root, *parts)
        root = os.path.realpath(self.root)
        real = os.path.realpath(full)
        if real != root and not real.startswith(root + os.sep):
            return None
        return real if os.path.isfile(real) else None

    def do_GET(self):
        self.serve()

    def do_HEAD(self):
        self.serve()

    def serve(self):
        path = self.resolve()
        if path is None:
            self.send_status_only(HTTPStatus.NOT_FOUND)
            return
        name = os.path.basename(path)
        ext = os.path.splitext(name)[1].lower()
        ctype = CONTENT_TYPES.get(ext, "application/octet-stream")

        send_path, encoding = path, None
        if not name.endswith((".br", ".gz")):
            accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
            best = 0.0
            for enc, suffix in ENCODINGS:
                q = accepted.get(enc, 0.0)
                if q > best and os.path.isfile(path + suffix):
                    send_path, encoding, best = path + suffix, enc, q

        st = os.stat(send_path)
        etag = '"%s"' % hashlib.sha1(
            f"{name}:{encoding}:{st.st_size}:{st.st_mtime_ns}".encode()
        ).hexdigest()[:20]
        if HASHED.search(name):
            cache = "public, max-age=31536000, immutable"
        elif name == "embed.js":
            # Host pages load it on every view: a short cache, then revalidation.
            cache = "public, max-age=300"
        else:
            cache = "no-cache"
        has_variants = any(os.path.isfile(path + s) for _, s in ENCODINGS)
        validators = [("ETag", etag), ("Cache-Control", cache)]
        if has_variants:
            validators.append(("Vary", "Accept-Encoding"))

        inm = self.headers.get("If-None-Match")
        if inm and etag in [t.strip() for t in inm.split(",")]:
            self.send_status_only(HTTPStatus.NOT_MODIFIED, validators)
            return

        self.send_response(HTTPStatus.OK)
        self.common_headers()
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        for k, v in validators:
            self.send_header(k, v)
        self.send_header("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))
        self.send_header("Content-Length", str(st.st_size))
        self.end_headers()
        if self.command == "HEAD":
            return
        with open(send_path, "rb") as fh:
            while chunk := fh.read(256 * 1024):
                self.wfile.write(chunk)

    # Anything but GET/HEAD: 405 (BaseHTTPRequestHandler would answer 501).
    def method_not_allowed(self):
        self.send_status_only(HTTPStatus.METHOD_NOT_ALLOWED, [("Allow", "GET, HEAD")])

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = method_not_allowed


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8080))
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--dir", default=os.path.join(here, "..", "dist"))
    ap.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = ap.parse_args()

    root = os.path.realpath(args.dir)
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"serve: {root}/index.html not found; run scripts/build.sh first")
    Handler.root = root
    Handler.verbose = args.verbose
    try:
        httpd = Server((args.host, args.port), Handler)
    except OSError as e:
        sys.exit(f"serve: cannot listen on {args.host}:{args.port}: {e.strerror}")
    host, port = httpd.server_address[:2]
    shown = os.path.relpath(root) if not os.path.relpath(root).startswith("..") else root
    print(f"Serving {shown}/ at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
