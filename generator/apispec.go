package generator

import (
	"fmt"

	"github.com/scaffold-dev/scaffold/generator/apispec"
)

// The API description files the engine renders from the model for
// blueprints on contract v2; such blueprints serve them and never write
// their own.
const (
	OpenAPIFile = "api/openapi.yaml"
	WSDLFile    = "api/service.wsdl"
)

// specFiles renders the API description of a v2 project from its model:
// api/openapi.yaml for REST, api/service.wsdl for SOAP. Blueprints on
// contract v1 get theirs from the common layer's templates instead.
func specFiles(d Data) ([]File, error) {
	if d.Contract != ContractV2 || d.Model == nil {
		return nil, nil
	}
	p := apispec.Project{
		Name:        d.Project.Raw,
		PascalName:  d.Project.Pascal,
		Description: d.Description,
		License:     d.License.ID,
		Port:        d.Port,
		Namespace:   d.API.Namespace,
		IntegerIDs:  d.DB.SQL,
	}
	var out []File
	if d.API.REST {
		data, err := apispec.OpenAPI(d.Model, p)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: OpenAPIFile, Data: data, Mode: 0o644})
	}
	if d.API.SOAP {
		data, err := apispec.WSDL(d.Model, p)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: WSDLFile, Data: data, Mode: 0o644})
	}
	return out, nil
}

// addSpecFiles appends the engine's API description files (specFiles) to a
// rendered project; a blueprint file at the same path is a mistake of the
// blueprint.
func addSpecFiles(files []File, seen map[string]string, bp Blueprint, specs []File) ([]File, error) {
	for _, f := range specs {
		if prev, dup := seen[f.Path]; dup {
			return nil, fmt.Errorf("blueprint %s: %s writes %s, which the engine renders from the model for contract v2: remove it", bp.Name, prev, f.Path)
		}
		seen[f.Path] = "the engine"
		files = append(files, f)
	}
	return files, nil
}
