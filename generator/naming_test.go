package generator

import "testing"

func TestNewName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Name
	}{
		{"demo-api", Name{Raw: "demo-api", Snake: "demo_api", Kebab: "demo-api", Camel: "demoApi", Pascal: "DemoApi", Upper: "DEMO_API", Lower: "demoapi", Title: "Demo Api", Words: "demo api"}},
		{"task", Name{Raw: "task", Snake: "task", Kebab: "task", Camel: "task", Pascal: "Task", Upper: "TASK", Lower: "task", Title: "Task", Words: "task"}},
		{"blog_post", Name{Raw: "blog_post", Snake: "blog_post", Kebab: "blog-post", Camel: "blogPost", Pascal: "BlogPost", Upper: "BLOG_POST", Lower: "blogpost", Title: "Blog Post", Words: "blog post"}},
		{"MyHTTPServer2", Name{Raw: "MyHTTPServer2", Snake: "my_http_server2", Kebab: "my-http-server2", Camel: "myHttpServer2", Pascal: "MyHttpServer2", Upper: "MY_HTTP_SERVER2", Lower: "myhttpserver2", Title: "My Http Server2", Words: "my http server2"}},
		{"shop", Name{Raw: "shop", Snake: "shop", Kebab: "shop", Camel: "shop", Pascal: "Shop", Upper: "SHOP", Lower: "shop", Title: "Shop", Words: "shop"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := NewName(tt.in); got != tt.want {
				t.Errorf("NewName(%q) =\n %+v, want\n %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestPluralSingular(t *testing.T) {
	t.Parallel()
	tests := []struct{ singular, plural string }{
		{"task", "tasks"},
		{"category", "categories"},
		{"person", "people"},
		{"box", "boxes"},
		{"blog_post", "blog_posts"},
		{"user_story", "user_stories"},
		{"address", "addresses"},
		{"status", "statuses"},
		// jinzhu/inflection, used before, gave these their own singular or a wrong plural.
		{"campus", "campuses"},
		{"bonus", "bonuses"},
		{"hero", "heroes"},
		{"leaf", "leaves"},
		{"tooth", "teeth"},
	}
	for _, tt := range tests {
		t.Run(tt.singular, func(t *testing.T) {
			t.Parallel()
			if got := Plural(tt.singular); got != tt.plural {
				t.Errorf("Plural(%q) = %q, want %q", tt.singular, got, tt.plural)
			}
			if got := Singular(tt.plural); got != tt.singular {
				t.Errorf("Singular(%q) = %q, want %q", tt.plural, got, tt.singular)
			}
		})
	}
}

func TestLanguageIdentifiers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		project, owner        string
		goPkg, javaPkg, pyPkg string
	}{
		{"demo-api", "octocat", "demoapi", "io.github.octocat.demoapi", "demo_api"},
		{"Shop2", "Big-Org", "shop2", "io.github.bigorg.shop2", "shop2"},
		{"class", "9lives", "class", "io.github._9lives._class", "class_app"},
		{"json", "", "json", "io.github.yourgithubuser.json", "json_app"},
		{"py", "", "py", "io.github.yourgithubuser.py", "py_app"},
		{"Rich", "", "rich", "io.github.yourgithubuser.rich", "rich_app"},
	}
	cat := testCatalog(t)
	for _, tt := range tests {
		t.Run(tt.project, func(t *testing.T) {
			t.Parallel()
			o := validOptions()
			o.Name, o.Owner, o.Module = tt.project, tt.owner, ""
			o.ApplyDefaults(cat)
			bp, err := o.Blueprint(cat)
			if err != nil {
				t.Fatal(err)
			}
			d := NewData(&o, cat, bp, "test", fixedTime)
			if d.Go.Package != tt.goPkg || d.Java.Package != tt.javaPkg || d.Python.Package != tt.pyPkg {
				t.Errorf("go %q java %q python %q, want %q %q %q", d.Go.Package, d.Java.Package, d.Python.Package, tt.goPkg, tt.javaPkg, tt.pyPkg)
			}
		})
	}
}
