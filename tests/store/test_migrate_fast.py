"""The store opens without Alembic when its schema is current: the migration files read by
`eventline.store.migrate` must say what Alembic itself says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from eventline.store import Store
from eventline.store.migrate import _config, current_revision, head_revision, is_known, revisions


def test_revisions_agree_with_alembic() -> None:
    script = ScriptDirectory.from_config(_config())
    assert head_revision() == script.get_current_head()
    theirs = {r.revision: r.down_revision for r in script.walk_revisions()}
    assert revisions() == theirs
    assert is_known("0001") and not is_known("0999")


def test_current_store_opens_without_alembic(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(f"sqlite:///{db}") as store:  # created and migrated (Alembic runs here)
        assert current_revision(store.engine) == head_revision()
    probe = (
        "import sys\n"
        "from eventline.store import Store\n"
        f"with Store('sqlite:///{db}') as s: s.counts()\n"
        "print(any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
