vcl 4.1;
# The front cache for the awareness site (docs/deployment.md). Varnish 7 from Debian's `varnish` package:
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,1g
# Two application hosts (gunicorn) behind it, each probed on /healthz; a host that fails its probe gets
# no readers until it answers again. What is kept: what Django marks `public, s-maxage=N` (anonymous
# readers' pages, home/caching/edge.py). Never kept: anything for a signed-in user (a session or CSRF
# cookie), the admin, the view beacon, downloads and documents, so every view and download reaches
# Django and is counted. Purges: PURGE from this machine (Wagtail's frontend_cache HTTP backend).

import directors;

probe healthz {
    .request = "GET /healthz HTTP/1.1" "Host: localhost" "Connection: close" "User-Agent: varnish-probe";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app_a {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;
}

backend app_b {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new hosts = directors.round_robin();
    hosts.add_backend(app_a);
    hosts.add_backend(app_b);
}

sub vcl_recv {
    set req.backend_hint = hosts.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # "/km/events/*": everything under the prefix; "/*": everything; a page's path: it, with any query.
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Never kept: the admin, the beacon, downloads, documents, private files, health checks.
    if (req.url ~ "^/(admin|beacon|documents|private-media|healthz)(/|$|\?)"
        || req.url ~ "^/(km|en)/lesson-kits/.+/(files|zip)/"
        || req.url ~ "^/(km|en)/_util/") {
        return (pass);
    }
    # Someone signed in: straight to Django, never from or into the cache.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Anonymous readers carry no cookie the site reads (docs/privacy.md): drop any other.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    # Host and address (the language is in it: /km/, /en/); Accept-Encoding through Vary.
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    return (lookup);
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;  # for the bans above (ban lurker friendly)
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;  # remember "do not cache" for this address, so requests are not queued
        return (deliver);
    }
    set beresp.grace = 30s;  # a page a little stale while it is fetched again, or while hosts restart
    return (deliver);
}

sub vcl_backend_fetch {
    # A retry goes to the other host, not the next of the round: with several readers at once the round
    # may well come back to the host that just failed.
    if (bereq.retries > 0) {
        if (bereq.http.x-failed-host == "app_a") {
            set bereq.backend = app_b;
        } else {
            set bereq.backend = app_a;
        }
        unset bereq.http.x-failed-host;
    }
}

sub vcl_backend_error {
    # A host that gave no answer (killed or restarting between two probes): a reader's GET or HEAD is asked
    # once more, of the other host, instead of answering 503. This reaches here only when no answer came,
    # and the site counts a view or a download only after its answer is written (home/http/sent.py), so a
    # beacon or a download asked again was not counted by the host that failed.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        set bereq.http.x-failed-host = beresp.backend.name;
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
    # Browsers always ask again (max-age=0 from Django); the s-maxage is for this cache only.
}
