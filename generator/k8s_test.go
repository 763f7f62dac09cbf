package generator

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"

	"github.com/scaffold-dev/scaffold/blueprints"
	"github.com/scaffold-dev/scaffold/generator/contract"
)

// k8sObjects is what `kubectl apply -k deploy/k8s` creates, each object
// decoded strictly (an unknown or misspelt field is an error) into its
// k8s.io/api type.
type k8sObjects struct {
	deployment *appsv1.Deployment
	service    *corev1.Service
	config     *corev1.ConfigMap
	claim      *corev1.PersistentVolumeClaim // SQLite only
}

// TestKubernetesBase builds every v2 combination's deploy/k8s with kustomize,
// as `kubectl apply -k` would (no cluster runs here), decodes every object
// strictly and checks that the pieces fit: the probes ask paths the contract
// suite proves, the references between objects resolve, and the pod runs
// non-root on a read-only root filesystem under any UID (OpenShift's
// restricted policy).
func TestKubernetesBase(t *testing.T) {
	cat, err := LoadCatalog(blueprints.FS)
	if err != nil {
		t.Fatal(err)
	}
	eachCombination(t, cat, true, func(t *testing.T, bp Blueprint, db, api string) {
		files := renderCombo(t, cat, bp, db, api, resourceModel("task"))
		objs := buildK8s(t, files)
		sqlite := db == "sqlite"
		checkDeployment(t, objs, bp.Port, sqlite)
		checkImageUser(t, files)
		checkK8sRefs(t, objs, files, sqlite)
	})
}

// buildK8s runs kustomize on the rendered deploy/k8s and decodes what it makes.
func buildK8s(t *testing.T, files []File) k8sObjects {
	t.Helper()
	fs := filesys.MakeFsInMemory()
	for _, f := range files {
		if strings.HasPrefix(f.Path, "deploy/k8s/") {
			if err := fs.WriteFile(path.Join("/project", f.Path), f.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	m, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(fs, "/project/deploy/k8s")
	if err != nil {
		t.Fatalf("kustomize build deploy/k8s: %v", err)
	}
	var objs k8sObjects
	for _, r := range m.Resources() {
		y, err := r.AsYAML()
		if err != nil {
			t.Fatal(err)
		}
		var target any
		switch r.GetKind() {
		case "Deployment":
			objs.deployment = new(appsv1.Deployment)
			target = objs.deployment
		case "Service":
			objs.service = new(corev1.Service)
			target = objs.service
		case "ConfigMap":
			objs.config = new(corev1.ConfigMap)
			target = objs.config
		case "PersistentVolumeClaim":
			objs.claim = new(corev1.PersistentVolumeClaim)
			target = objs.claim
		default:
			t.Fatalf("deploy/k8s makes a %s, which the test does not know", r.GetKind())
		}
		if err := yaml.UnmarshalStrict(y, target); err != nil {
			t.Fatalf("%s %s does not decode strictly: %v\n%s", r.GetKind(), r.GetName(), err, y)
		}
		for _, msg := range validation.IsDNS1035Label(r.GetName()) {
			if r.GetKind() == "Service" {
				t.Errorf("Service name %q: %s", r.GetName(), msg)
			}
		}
	}
	if objs.deployment == nil || objs.service == nil || objs.config == nil {
		t.Fatalf("deploy/k8s makes no Deployment, Service or ConfigMap: %+v", objs)
	}
	return objs
}

func checkDeployment(t *testing.T, objs k8sObjects, port int, sqlite bool) {
	t.Helper()
	d := objs.deployment
	pod := d.Spec.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("the pod has %d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	if len(c.Ports) != 1 || c.Ports[0].Name != "http" || int(c.Ports[0].ContainerPort) != port {
		t.Errorf("container ports %+v, want http on %d", c.Ports, port)
	}
	for _, p := range []struct {
		name  string
		probe *corev1.Probe
		want  string
	}{
		{"liveness", c.LivenessProbe, "/livez"}, // never asks the database
		{"readiness", c.ReadinessProbe, "/readyz"},
		{"startup", c.StartupProbe, "/livez"},
	} {
		switch {
		case p.probe == nil || p.probe.HTTPGet == nil:
			t.Errorf("no HTTP %s probe", p.name)
		case p.probe.HTTPGet.Path != p.want || !slices.Contains(contract.Probes, p.probe.HTTPGet.Path):
			t.Errorf("the %s probe asks %s, want %s (one of the probes the contract suite proves: %v)", p.name, p.probe.HTTPGet.Path, p.want, contract.Probes)
		case p.probe.HTTPGet.Port.String() != "http":
			t.Errorf("the %s probe asks port %s, want the named port http", p.name, p.probe.HTTPGet.Port.String())
		}
	}
	for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, lim := c.Resources.Requests[res], c.Resources.Limits[res]
		if req.IsZero() || lim.IsZero() || req.Cmp(lim) > 0 {
			t.Errorf("%s: request %s, limit %s; want both, the request at most the limit", res, req.String(), lim.String())
		}
	}

	// OpenShift's restricted policy: non-root under whatever UID it gives.
	psc, sc := pod.SecurityContext, c.SecurityContext
	switch {
	case psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot:
		t.Error("the pod does not set runAsNonRoot: true")
	case psc.RunAsUser != nil || psc.RunAsGroup != nil || psc.FSGroup != nil:
		t.Error("the pod fixes a UID, GID or fsGroup; OpenShift's restricted policy assigns them")
	case psc.SeccompProfile == nil || psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
		t.Error("the pod's seccomp profile is not RuntimeDefault")
	}
	switch {
	case sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem:
		t.Error("the container's root filesystem is not read-only")
	case sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation:
		t.Error("the container allows privilege escalation")
	case sc.RunAsUser != nil:
		t.Error("the container fixes a UID")
	case sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}):
		t.Error("the container does not drop ALL capabilities")
	}
	mounts := map[string]string{}
	for _, m := range c.VolumeMounts {
		mounts[m.MountPath] = m.Name
	}
	if mounts["/tmp"] == "" {
		t.Error("nothing writable is mounted on /tmp, and the root filesystem is read-only")
	}
	if sqlite && (mounts["/data"] == "" || d.Spec.Strategy.Type != appsv1.RecreateDeploymentStrategyType) {
		t.Errorf("SQLite: /data mounted from %q with strategy %q; want a volume and Recreate (one pod on the file at a time)", mounts["/data"], d.Spec.Strategy.Type)
	}
}

// checkK8sRefs checks what refers to what: the Service to the pods, the
// container to the ConfigMap, the Secret and the claim, and the settings to
// the port.
func checkK8sRefs(t *testing.T, objs k8sObjects, files []File, sqlite bool) {
	t.Helper()
	d, pod := objs.deployment, objs.deployment.Spec.Template.Spec
	c := pod.Containers[0]
	for k, v := range objs.service.Spec.Selector {
		if d.Spec.Template.Labels[k] != v {
			t.Errorf("the Service selects %s=%s, which the pods do not carry (%v)", k, v, d.Spec.Template.Labels)
		}
	}
	if len(objs.service.Spec.Selector) == 0 {
		t.Error("the Service selects nothing")
	}
	for k, v := range d.Spec.Template.Labels {
		for _, msg := range validation.IsValidLabelValue(v) {
			t.Errorf("label %s=%q: %s", k, v, msg)
		}
	}
	if len(objs.service.Spec.Ports) != 1 || objs.service.Spec.Ports[0].TargetPort.String() != "http" {
		t.Errorf("Service ports %+v, want one targeting the named port http", objs.service.Spec.Ports)
	}
	if !strings.HasPrefix(c.Image, "ghcr.io/") || !strings.HasSuffix(c.Image, ":latest") || strings.ToLower(c.Image) != c.Image {
		t.Errorf("image %q, want ghcr.io/<owner>/<repo>:latest in lower case (the workflow's image job pushes it)", c.Image)
	}
	if len(c.EnvFrom) != 1 || c.EnvFrom[0].ConfigMapRef == nil || c.EnvFrom[0].ConfigMapRef.Name != objs.config.Name {
		t.Errorf("the container's envFrom %+v does not name the ConfigMap %s", c.EnvFrom, objs.config.Name)
	}
	if got := objs.config.Data["PORT"]; got != fmt.Sprint(c.Ports[0].ContainerPort) {
		t.Errorf("the ConfigMap sets PORT=%q, want the container port %d", got, c.Ports[0].ContainerPort)
	}
	if sqlite {
		if objs.claim == nil {
			t.Fatal("SQLite: no PersistentVolumeClaim for the database file")
		}
		if !strings.HasPrefix(objs.config.Data["DATABASE_URL"], "/data/") {
			t.Errorf("SQLite: DATABASE_URL=%q is not on the /data volume", objs.config.Data["DATABASE_URL"])
		}
		var claimed bool
		for _, v := range pod.Volumes {
			claimed = claimed || (v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == objs.claim.Name)
		}
		if !claimed {
			t.Errorf("no volume of the pod uses the claim %s", objs.claim.Name)
		}
		return
	}
	// A server database: DATABASE_URL from a Secret the learner creates,
	// shaped like secret.example.yaml, which is not part of the base.
	var example *corev1.Secret
	for _, f := range files {
		if f.Path == "deploy/k8s/secret.example.yaml" {
			example = new(corev1.Secret)
			if err := yaml.UnmarshalStrict(f.Data, example); err != nil {
				t.Fatalf("secret.example.yaml does not decode strictly: %v", err)
			}
		}
	}
	if example == nil {
		t.Fatal("no deploy/k8s/secret.example.yaml showing the Secret to create")
	}
	var fromSecret bool
	for _, e := range c.Env {
		if e.Name == "DATABASE_URL" && e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
			ref := e.ValueFrom.SecretKeyRef
			fromSecret = ref.Name == example.Name && example.StringData[ref.Key] != ""
		}
	}
	if !fromSecret {
		t.Errorf("DATABASE_URL is not read from the Secret %s that secret.example.yaml shows", example.Name)
	}
	if objs.config.Data["DATABASE_URL"] != "" {
		t.Error("the ConfigMap holds DATABASE_URL, which carries a password: it belongs in the Secret")
	}
}

// checkImageUser checks that the image runs as a numeric, non-root user:
// with runAsNonRoot the kubelet refuses to start an image whose USER is a
// name, since it cannot tell whether the name is root.
func checkImageUser(t *testing.T, files []File) {
	t.Helper()
	var user string
	for _, f := range files {
		if f.Path != "Dockerfile" {
			continue
		}
		for _, line := range strings.Split(string(f.Data), "\n") {
			if fields := strings.Fields(line); len(fields) == 2 && strings.EqualFold(fields[0], "USER") {
				user = fields[1]
			}
		}
	}
	uid, _, _ := strings.Cut(user, ":")
	if n, err := strconv.Atoi(uid); err != nil || n == 0 {
		t.Errorf("the Dockerfile's last USER is %q; want a numeric user other than 0 (root)", user)
	}
}
