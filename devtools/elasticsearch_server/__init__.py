"""A local Elasticsearch for the integration tests and the example site, without Docker; run it as
``scripts/elasticsearch`` (the usage is in ``__main__``).

The server is Elastic's minimal "integ-test" distribution from Maven Central
(``org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip``). It has the server core only
(modules: apm, transport-netty4, x-pack-core, x-pack-security): no painless, no analysis-common, no
mapper-extras, no reindex, no parent-join, and not even the ``GET /`` (info/ping) endpoint, which lives in the
rest-root module. It has no bundled JDK: it runs on the machine's Java (17 or newer for Elasticsearch 8).

Layout (all under ``.cache/elasticsearch/`` in the repository, which git ignores):

- ``<version>/`` the unpacked distribution (read-only for the server)
- ``data/`` the indices; survives stop/start, ``start --clean`` deletes it (and ``logs/``)
- ``logs/`` server logs (``<cluster>.log``, ``console.log``, ``gc.log``)
- ``run/`` generated config, pid files, tmp; rewritten on every start

Elasticsearch refuses to run as root: run as root, the tool creates a system user (``bibnetz-es``, or
``$BIBNETZ_ES_USER``) and starts the server as that user, owning only ``data/``, ``logs/`` and ``run/``.

Environment (all optional):

- ``BIBNETZ_ES_PORT`` HTTP port on 127.0.0.1 (default 9200)
- ``BIBNETZ_ES_VERSION`` distribution version (default 8.19.21)
- ``BIBNETZ_ES_JAVA_OPTS`` JVM options (default ``-Xms512m -Xmx512m``)
- ``BIBNETZ_ES_START_TIMEOUT`` seconds to wait for the cluster to become yellow/green (default 120)
- ``BIBNETZ_ES_USER`` user to run the server as when started by root (default bibnetz-es)
- ``BIBNETZ_ES_CACHE`` folder instead of ``.cache/elasticsearch``, for a repository that the server's user
  cannot reach (below /root, say); give it to every verb, not just start
- ``ES_JAVA_HOME`` / ``JAVA_HOME`` the JDK to use (default: the one ``java`` on PATH belongs to)

The modules, each with one job: ``settings`` (environment and layout), ``distribution`` (Maven fetch and
Java), ``server_user`` (the root hand-over), ``node`` (one server process: config, launch, pid files, stop),
``cluster`` (the nodes together: health, waiting, logs), ``__main__`` (the verbs).
"""
