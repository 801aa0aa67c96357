"""The network's admin screens (vocabularies, participations), built on wagtail-modeladmin.

An app of its own (``bibnetz_wagtail.contrib.modeladmin``): a site that wants the screens adds it and
``wagtail_modeladmin`` to ``INSTALLED_APPS`` (``pip install "bibnetz-wagtail[modeladmin]"``); the rest of the
package never imports it. Everything that knows about wagtail-modeladmin lives in this folder, so that
replacing it (it is in maintenance mode upstream) means rewriting this folder only.
"""
