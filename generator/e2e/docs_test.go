package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"go.yaml.in/yaml/v3"
)

// docsTimeout bounds the "docs" step of one REST combination.
const docsTimeout = 90 * time.Second

// docsHost is the name the browser gives the service. It is not localhost, so
// that Swagger UI behaves as it does once deployed (on localhost it leaves out
// its online validator badge, which would load from validator.swagger.io).
const docsHost = "docs.scaffold.test"

// browser is the headless Chromium the docs step drives (DESIGN.md §6: /docs
// must work with no internet). It is looked up once per run.
type browser struct {
	once    sync.Once
	path    string
	missing string // why there is no browser
}

func (b *browser) find() (path, missing string) {
	b.once.Do(func() {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				b.path = p
				return
			}
		}
		b.missing = "Chromium is not installed (Debian: apt-get install chromium)"
	})
	return b.path, b.missing
}

// checkDocs opens /docs of the service on port in headless Chromium, which
// can resolve no host but the service's, and waits until Swagger UI has drawn
// an operation for every operationId of the served /openapi.yaml. It fails
// when an operation is missing, when the page asks any other host (a CDN, the
// online validator), or when a request of the page fails.
func checkDocs(chromium string, port int, logPath string) error {
	logf, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer func() { _ = logf.Close() }()

	ops, err := specOperations(fmt.Sprintf("http://127.0.0.1:%d/openapi.yaml", port))
	if err != nil {
		return err
	}
	fmt.Fprintf(logf, "the spec's operations: %s\n", strings.Join(ops, " "))

	profile, err := os.MkdirTemp("", "scaffold-e2e-chromium-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(profile) }()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox cannot start
		chromedp.Flag("host-resolver-rules", "MAP "+docsHost+" 127.0.0.1, MAP * ~NOTFOUND"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithLogf(func(f string, a ...any) { fmt.Fprintf(logf, f+"\n", a...) }))
	defer cancelBrowser()
	// Start the browser and open the tab first, so that the listener sees the
	// page's first request; the timeout goes on a derived context only, since
	// one on the first call would stop the browser with it.
	if err := chromedp.Do(browserCtx); err != nil {
		return fmt.Errorf("start Chromium: %w", err)
	}

	origin := fmt.Sprintf("http://%s:%d", docsHost, port)
	var mu sync.Mutex
	var foreign, failed, thrown []string
	listen := func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			u := e.Request.URL
			fmt.Fprintf(logf, "request %s\n", u)
			if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				foreign = append(foreign, u)
			}
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				failed = append(failed, fmt.Sprintf("%d %s", e.Response.Status, e.Response.URL))
			}
		case *network.EventLoadingFailed:
			failed = append(failed, fmt.Sprintf("%s (%s)", e.ErrorText, e.Type))
		case *runtime.EventExceptionThrown:
			text := e.ExceptionDetails.Text
			if x := e.ExceptionDetails.Exception; x != nil && x.Description != "" {
				text += " " + x.Description
			}
			thrown = append(thrown, text)
		}
	}
	if err := chromedp.Listen(browserCtx, listen); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(browserCtx, docsTimeout)
	defer cancel()

	var ids []string
	drawn := fmt.Sprintf(`document.querySelectorAll(".opblock").length >= %d`, len(ops))
	err = chromedp.Do(ctx, chromedp.Navigate(origin+"/docs"))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](drawn, chromedp.WithPollingTimeout(docsTimeout/2)))
	}
	if err == nil {
		ids, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".opblock")).map(e => e.id)`))
	}
	if err != nil {
		n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".opblock").length`))
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
		fmt.Fprintf(logf, "the page's text:\n%s\n", text)
		err = fmt.Errorf("the page did not show the spec's %d operations (it drew %d): %w", len(ops), n, err)
	}
	fmt.Fprintf(logf, "operation blocks: %s\n", strings.Join(ids, " "))

	mu.Lock()
	defer mu.Unlock()
	var problems []string
	if err != nil {
		problems = append(problems, err.Error())
	}
	for _, op := range ops {
		if !slices.ContainsFunc(ids, func(id string) bool { return strings.HasSuffix(id, "-"+op) }) && err == nil {
			problems = append(problems, "the page does not show the operation "+op)
		}
	}
	if len(foreign) > 0 {
		problems = append(problems, "the page asked other hosts: "+strings.Join(foreign, ", "))
	}
	if len(failed) > 0 {
		problems = append(problems, "requests of the page failed: "+strings.Join(failed, ", "))
	}
	if len(thrown) > 0 {
		problems = append(problems, "the page's scripts threw: "+strings.Join(thrown, "; "))
	}
	if len(problems) > 0 {
		return fmt.Errorf("/docs: %s", strings.Join(problems, "; "))
	}
	fmt.Fprintf(logf, "ok: all %d operations shown, no request left the service\n", len(ops))
	return nil
}

// specOperations reads the operationIds of the served OpenAPI document.
func specOperations(url string) ([]string, error) {
	client := http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	var spec struct {
		Paths map[string]map[string]any `yaml:"paths"` // path → method (or "parameters") → operation
	}
	if err := yaml.Unmarshal(body, &spec); err != nil {
		return nil, fmt.Errorf("%s is not YAML: %w", url, err)
	}
	var ops []string
	for _, item := range spec.Paths {
		for _, op := range item {
			if m, ok := op.(map[string]any); ok {
				if id, ok := m["operationId"].(string); ok && id != "" {
					ops = append(ops, id)
				}
			}
		}
	}
	if len(ops) == 0 {
		return nil, fmt.Errorf("%s names no operationId", url)
	}
	slices.Sort(ops)
	return ops, nil
}
