package generator

import (
	"strings"
	"testing"
)

func TestFitJS(t *testing.T) {
	long := strings.Repeat("x", 80)
	cases := []struct{ name, in, want string }{
		{
			"an import that fits is joined, without its trailing comma",
			fitStart + "\nimport type {\n  A,\n  B,\n} from \"./model.js\";\n" + fitEnd + "\nnext();\n",
			"import type { A, B } from \"./model.js\";\nnext();\n",
		},
		{
			"type arguments and a member chain join without spaces inside",
			"  " + fitStart + "\nexport type F = Omit<\n  T,\n  \"id\"\n>;\n" + fitEnd + "\n" +
				fitStart + "\n    const r = await this.db\n      .deleteFrom(\"t\")\n      .executeTakeFirst();\n" + fitEnd + "\n",
			"export type F = Omit<T, \"id\">;\n    const r = await this.db.deleteFrom(\"t\").executeTakeFirst();\n",
		},
		{
			"a group too long for one line keeps its lines",
			fitStart + "\n    if (!created)\n      throw new Error(\"" + long + "\");\n" + fitEnd + "\n",
			"    if (!created)\n      throw new Error(\"" + long + "\");\n",
		},
		{
			"a file without groups is left alone",
			"const a = 1;\n",
			"const a = 1;\n",
		},
	}
	for _, c := range cases {
		if got := string(fitJS([]byte(c.in))); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
}
