"""One row per thing and day, incremented safely by concurrent requests.

Counts roll up as they happen: the table grows with things x days, never with
visits, and nothing about the visitor is stored.
"""

import logging
import time

from django.db import IntegrityError, OperationalError, connections, router, transaction
from django.db.models import F

logger = logging.getLogger(__name__)
ATTEMPTS = 5


def retrying(work, what=""):
    """Run ``work()`` (a function that writes), again after a short wait while the database is busy;
    ``what`` names the count in the log line when every attempt failed (formatted only then)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except OperationalError:
            if attempt == ATTEMPTS:
                logger.exception("count lost after %s attempts: %s", ATTEMPTS, what)
                raise
            time.sleep(0.01 * 2**attempt)


def increment(model, keys, defaults=None):
    """Add one, retrying briefly when the database is busy (SQLite under concurrent writers)."""
    return retrying(lambda: _increment(model, keys, defaults), what=(model.__name__, keys))


def _increment(model, keys, defaults=None):
    """Add one to ``model``'s ``count`` in the row matching ``keys``, creating the row when it is the first.

    An UPDATE first (the common case is a row that exists); when two requests
    both find no row, the unique constraint lets one insert win and the other
    falls back to the UPDATE, so no count is lost.
    """
    rows = model.objects.filter(**keys)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **(defaults or {}), count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)


def addition(model, rows, *, keys, amounts=("count",), returning=None):
    """The ``INSERT ... ON CONFLICT ... DO UPDATE`` that adds ``rows`` to ``model``'s counts: ``(sql, params)``,
    or None when there are no rows. See :func:`add_up`."""
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    field_of = meta.get_field  # "question" and "question_id" both name the field of the column question_id

    keys = [field_of(name).attname for name in keys]
    amounts = [field_of(name).attname for name in amounts]
    merged = {}
    for row in rows:
        row = {field_of(name).attname: value for name, value in row.items()}
        key = tuple(row[name] for name in keys)
        if key in merged:
            for name in amounts:
                merged[key][name] += row[name]
        else:
            merged[key] = dict(row)
    if not merged:
        return None
    names = list(next(iter(merged.values())))
    fields = [field_of(name) for name in names]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    target = ", ".join(
        f"COALESCE({quote(field.column)}, 0)" if field.null else quote(field.column) for field in map(field_of, keys)
    )
    additions = ", ".join(
        f"{column} = {table}.{column} + excluded.{column}" for column in (quote(field_of(n).column) for n in amounts)
    )
    one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES {', '.join([one_row] * len(merged))}"
        f" ON CONFLICT ({target}) DO UPDATE SET {additions}"
    )
    if returning:
        sql += f" RETURNING {quote(field_of(returning).column)}"
    params = [
        field.get_db_prep_save(row[name], connection)
        for row in merged.values()
        for name, field in zip(names, fields, strict=True)
    ]
    return sql, params


def add_up(model, rows, *, keys, amounts=("count",), returning=None):
    """Add ``rows`` to ``model``'s counts in one statement: new keys are inserted, existing ones added to.

    ``rows`` are dicts of field name to value, each holding every field of ``keys`` and ``amounts``
    (plus any other field a new row needs). ``keys`` name the fields of the model's unique index, in its
    order; a nullable field stands in that index as ``Coalesce(field, 0)`` (two NULLs are the same key),
    as in ``QuizAnswerCount``'s constraint. One ``INSERT ... ON CONFLICT ... DO UPDATE`` (SQLite 3.24+,
    PostgreSQL 9.5+): no read first, and no count lost between concurrent writers. Rows with the same keys
    are summed first (one statement may not update a row twice). With ``returning`` (a field name), the
    list of that field's values after the addition, one per distinct key.
    """
    statement = addition(model, rows, keys=keys, amounts=amounts, returning=returning)
    if statement is None:
        return []
    with connections[router.db_for_write(model)].cursor() as cursor:
        cursor.execute(*statement)
        return [value for (value,) in cursor.fetchall()] if returning else []


def add_up_together(*parts):
    """Several :func:`add_up` at once, all or none: ``parts`` are ``(model, rows, keys, amounts)``.

    On PostgreSQL one statement (each addition but the last in a data-modifying ``WITH``), so one round trip
    to the server and one commit; on SQLite, in the process, one transaction of one statement per part.
    """
    statements = [
        statement
        for model, rows, keys, amounts in parts
        if (statement := addition(model, rows, keys=keys, amounts=amounts)) is not None
    ]
    if not statements:
        return
    connection = connections[router.db_for_write(parts[0][0])]
    if connection.vendor == "postgresql" and len(statements) > 1:
        *first, (last_sql, last_params) = statements
        sql = "WITH " + ", ".join(f"added_{n} AS ({statement})" for n, (statement, _p) in enumerate(first))
        params = [param for _sql, statement_params in first for param in statement_params] + last_params
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} {last_sql}", params)
        return
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(*statement)
