package generator

import (
	"fmt"
	"strings"
	"time"

	"github.com/scaffold-dev/scaffold/generator/model"
)

// Data is what every template sees. It is built once, here, from the
// answers; see blueprints/README.md for the field list.
type Data struct {
	Project         Name
	Description     string
	Owner           string
	Repo            string
	RepoURL         string
	Module          string
	Author          Author
	License         LicenseData
	Language        Titled
	Framework       Titled
	Blueprint       string
	DB              Database
	API             APIData
	Resource        ResourceData   // the first resource; in a per-resource file, that file's resource
	Resources       []ResourceData // every resource of the model, in order
	Model           *model.Model   // the model as given
	Contract        string         // the API contract the blueprint meets: v1 or v2
	Port            int
	Commands        Commands
	Ecosystem       string
	ScaffoldVersion string
	Go              GoData
	Java            JavaData
	Python          PythonData
	Node            NodeData
	K8s             K8sData
}

// Author is who the project, its licence and its first commit belong to.
type Author struct{ Name, Email string }

// LicenseData describes the chosen licence.
type LicenseData struct {
	ID, Name string
	Year     int
	None     bool
}

// Titled is an id with its display title.
type Titled struct{ ID, Title string }

// APIData describes the API style.
type APIData struct {
	ID, Title  string
	REST, SOAP bool
	Namespace  string
}

// GoData holds Go-specific identifiers.
type GoData struct{ Package string }

// JavaData holds Java-specific identifiers.
type JavaData struct{ Group, Package, PackagePath, Artifact string }

// PythonData holds Python-specific identifiers.
type PythonData struct{ Package string }

// NodeData holds Node-specific identifiers.
type NodeData struct{ Package string }

// K8sData holds the names deploy/k8s and the README's Kubernetes section use.
type K8sData struct {
	Name  string // the objects' name and app.kubernetes.io/name: a DNS label of at most 63 characters
	Image string // the image the workflow's image job pushes: ghcr.io/owner/repo, lower case
}

// NewData builds the template data for validated options.
func NewData(o *Options, cat *Catalog, bp Blueprint, version string, now time.Time) Data {
	lang, _ := cat.Language(o.Language)
	db, _ := cat.Database(o.Database)
	api, _ := cat.API(o.API)
	lic, _ := cat.License(o.License)
	project := NewName(o.Name)
	owner := o.RepoOwner()
	repo := "github.com/" + owner + "/" + o.Name
	resources := make([]ResourceData, len(o.Model.Resources))
	for i, r := range o.Model.Resources {
		resources[i] = newResourceData(r, i, len(o.Model.Resources), db.Dialect)
	}
	plural := resources[0].Plural

	javaOwner := javaIdentifierPart(owner)
	group := "io.github." + javaOwner
	javaPkg := group + "." + javaIdentifierPart(project.Lower)

	pyPkg := project.Snake
	if pythonReserved[pyPkg] {
		pyPkg += "_app"
	}
	return Data{
		Project:     project,
		Description: fmt.Sprintf("A %s API for %s, built with %s and %s", strings.ToUpper(api.ID), strings.ToLower(plural.Title), bp.Title, db.Title),
		Owner:       o.Owner,
		Repo:        repo,
		RepoURL:     "https://" + repo,
		Module:      o.Module,
		Author:      Author{Name: o.AuthorName, Email: o.AuthorEmail},
		License:     LicenseData{ID: lic.ID, Name: lic.Title, Year: now.Year(), None: lic.ID == "none"},
		Language:    Titled{ID: lang.ID, Title: lang.Title},
		Framework:   Titled{ID: bp.Framework, Title: bp.Title},
		Blueprint:   bp.Name,
		DB:          db,
		API: APIData{
			ID: api.ID, Title: api.Title,
			REST: api.ID == "rest", SOAP: api.ID == "soap",
			Namespace: "https://" + repo + "/soap",
		},
		Resource:        resources[0],
		Resources:       resources,
		Model:           o.Model,
		Contract:        bp.Contract,
		Port:            bp.Port,
		Commands:        bp.Commands,
		Ecosystem:       bp.Ecosystem,
		ScaffoldVersion: version,
		Go:              GoData{Package: goPackageName(project)},
		Java: JavaData{
			Group: group, Package: javaPkg,
			PackagePath: strings.ReplaceAll(javaPkg, ".", "/"),
			Artifact:    project.Kebab,
		},
		Python: PythonData{Package: pyPkg},
		Node:   NodeData{Package: strings.ToLower(o.Name)},
		K8s: K8sData{
			Name:  strings.TrimSuffix(project.Kebab[:min(len(project.Kebab), 63)], "-"),
			Image: "ghcr.io/" + strings.ToLower(owner+"/"+o.Name),
		},
	}
}

// pythonReserved are names a top-level Python package must not take: keywords,
// standard-library modules a beginner's project would shadow, and the
// top-level modules of every package its virtual environment installs (a
// project named py would shadow pytest's py module and fail its own tests).
var pythonReserved = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`and as assert async await break class continue def del elif else
		except finally for from global if import in is lambda nonlocal not or pass raise return try
		while with yield abc array ast asyncio base64 bisect calendar cmd code collections copy csv
		dataclasses datetime decimal email enum functools glob hashlib html http io json logging math
		operator os pathlib platform queue random re secrets select shutil signal site socket sqlite3
		ssl stat string struct subprocess sys tempfile test threading time token types typing unittest
		urllib uuid warnings xml zipfile tests`) {
		pythonReserved[k] = true
	}
	for _, modules := range pythonDependencyModules {
		for _, m := range modules {
			pythonReserved[m] = true
		}
	}
}

// pythonDependencyModules are the top-level modules of each distribution the
// Python blueprints' lockfiles install (TestPythonDependencyModules keeps it
// complete).
var pythonDependencyModules = map[string][]string{
	"alembic": {"alembic"}, "annotated-doc": {"annotated_doc"}, "annotated-types": {"annotated_types"},
	"anyio": {"anyio"}, "asgiref": {"asgiref"}, "attrs": {"attr", "attrs"}, "backports-tarfile": {"backports"},
	"blinker": {"blinker"}, "certifi": {"certifi"}, "cheroot": {"cheroot"}, "cherrypy": {"cherrypy"},
	"click": {"click"}, "colorama": {"colorama"}, "coverage": {"coverage"}, "defusedxml": {"defusedxml"},
	"django": {"django"}, "django-cors-headers": {"corsheaders"}, "djangorestframework": {"rest_framework"},
	"dnspython": {"dns"}, "drf-spectacular": {"drf_spectacular"}, "drf-spectacular-sidecar": {"drf_spectacular_sidecar"},
	"fastapi": {"fastapi"}, "flask": {"flask"}, "flask-cors": {"flask_cors"}, "gunicorn": {"gunicorn"},
	"h11": {"h11"}, "httpcore": {"httpcore"}, "httpx": {"httpx"}, "idna": {"idna"}, "inflection": {"inflection"},
	"iniconfig": {"iniconfig"}, "itsdangerous": {"itsdangerous"}, "jaraco-collections": {"jaraco"},
	"jaraco-context": {"jaraco"}, "jaraco-functools": {"jaraco"}, "jaraco-text": {"jaraco"}, "jinja2": {"jinja2"},
	"jsonschema": {"jsonschema"}, "jsonschema-specifications": {"jsonschema_specifications"}, "libcst": {"libcst"},
	"linkify-it-py": {"linkify_it"}, "mako": {"mako"}, "markdown-it-py": {"markdown_it"}, "markupsafe": {"markupsafe"},
	"mdit-py-plugins": {"mdit_py_plugins"}, "mdurl": {"mdurl"}, "more-itertools": {"more_itertools"},
	"mutmut": {"mutmut"}, "opentelemetry-api": {"opentelemetry"}, "packaging": {"packaging"},
	"platformdirs": {"platformdirs"}, "pluggy": {"pluggy"}, "portend": {"portend"}, "psycopg": {"psycopg"},
	"psycopg-binary": {"psycopg_binary"}, "pydantic": {"pydantic"}, "pydantic-core": {"pydantic_core"},
	"pygments": {"pygments"}, "pymongo": {"pymongo", "bson", "gridfs"}, "pymysql": {"pymysql"},
	"pytest": {"pytest", "py"}, "pytest-django": {"pytest_django"}, "python-dateutil": {"dateutil"},
	"pyyaml": {"yaml"}, "pyyaml-ft": {"yaml_ft"}, "referencing": {"referencing"}, "rich": {"rich"}, "rpds-py": {"rpds"},
	"ruff": {"ruff"}, "setproctitle": {"setproctitle"}, "setuptools": {"setuptools", "pkg_resources", "distutils"},
	"shellingham": {"shellingham"}, "sqlalchemy": {"sqlalchemy"}, "sqlparse": {"sqlparse"},
	"starlette": {"starlette"}, "swagger-ui-py": {"swagger_ui"}, "tempora": {"tempora"}, "textual": {"textual"},
	"typer": {"typer"}, "typer-slim": {"typer"}, "typing-extensions": {"typing_extensions"},
	"typing-inspection": {"typing_inspection"}, "tzdata": {"tzdata"}, "uritemplate": {"uritemplate"},
	"uvicorn": {"uvicorn"}, "werkzeug": {"werkzeug"}, "whitenoise": {"whitenoise"}, "zc-lockfile": {"zc"},
}
