"""The network's admin screens (vocabularies, participations), built on wagtail-modeladmin.

Everything that knows about wagtail-modeladmin lives in this folder, so that replacing it (it is in
maintenance mode upstream) means rewriting this folder and the one call in ``wagtail_hooks.py``.
"""
