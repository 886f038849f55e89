"""Work done once a response has been sent: counting a view or a download never delays a byte, and a count is
made only for an answer that was written out.

The second matters behind the front cache (ops/varnish/default.vcl): Varnish asks the next host again when a
host gave no answer (killed, restarting). A host that counted before answering could die between the two and
the reader would be counted twice; counting after the answer is written means a request that got no answer
was never counted.
"""


def after_sending(response, action):
    """Run ``action`` once the response has been sent (Django closes a response, running its resource closers,
    after the server has sent the last chunk; FileResponse uses the same list to close its file)."""
    response._resource_closers.append(action)
