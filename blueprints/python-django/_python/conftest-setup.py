{{- if eq .DB.Dialect "sqlite" }}

if not os.environ.get("DATABASE_URL"):  # a fresh SQLite file for this test run
    os.environ["DATABASE_URL"] = str(Path(tempfile.mkdtemp()) / "test.db")
{{- end }}
