/*
Test input written for Rebaser: the ~1.21 shape. Images moved to the promoter registry,
Docker Hub images are addressed through a fixed dockerLibraryRegistry variable that the
RegistryList no longer carries, and KUBE_TEST_REPO can remap every image.
*/

package image

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/ioutil"
	"os"
	"regexp"
	"strings"

	yaml "gopkg.in/yaml.v2"
)

// RegistryList holds public and private image registries
type RegistryList struct {
	GcAuthenticatedRegistry string `yaml:"gcAuthenticatedRegistry"`
	E2eRegistry             string `yaml:"e2eRegistry"`
	PromoterE2eRegistry     string `yaml:"promoterE2eRegistry"`
	BuildImageRegistry      string `yaml:"buildImageRegistry"`
	GcEtcdRegistry          string `yaml:"gcEtcdRegistry"`
	GcRegistry              string `yaml:"gcRegistry"`
	SigStorageRegistry      string `yaml:"sigStorageRegistry"`
	PrivateRegistry         string `yaml:"privateRegistry"`
	MicrosoftRegistry       string `yaml:"microsoftRegistry"`
}

// Config holds an images registry, name, and version
type Config struct {
	registry string
	name     string
	version  string
}

func initReg() RegistryList {
	registry := RegistryList{
		GcAuthenticatedRegistry: "gcr.io/authenticated-image-pulling",
		E2eRegistry:             "gcr.io/kubernetes-e2e-test-images",
		PromoterE2eRegistry:     "k8s.gcr.io/e2e-test-images",
		BuildImageRegistry:      "k8s.gcr.io/build-image",
		GcEtcdRegistry:          "k8s.gcr.io",
		GcRegistry:              "k8s.gcr.io",
		SigStorageRegistry:      "k8s.gcr.io/sig-storage",
		PrivateRegistry:         "gcr.io/k8s-authenticated-test",
		MicrosoftRegistry:       "mcr.microsoft.com",
	}
	repoList := os.Getenv("KUBE_TEST_REPO_LIST")
	if repoList == "" {
		return registry
	}

	fileContent, err := ioutil.ReadFile(repoList)
	if err != nil {
		panic(fmt.Errorf("Error reading '%v' file contents: %v", repoList, err))
	}

	err = yaml.Unmarshal(fileContent, &registry)
	if err != nil {
		panic(fmt.Errorf("Error unmarshalling '%v' YAML file: %v", repoList, err))
	}
	return registry
}

var (
	registry = initReg()

	// PrivateRegistry is an image repository that requires authentication
	PrivateRegistry = registry.PrivateRegistry

	// Preconfigured image configs
	dockerLibraryRegistry   = "docker.io/library"
	e2eRegistry             = registry.E2eRegistry
	promoterE2eRegistry     = registry.PromoterE2eRegistry
	buildImageRegistry      = registry.BuildImageRegistry
	gcAuthenticatedRegistry = registry.GcAuthenticatedRegistry
	gcEtcdRegistry          = registry.GcEtcdRegistry
	gcRegistry              = registry.GcRegistry
	sigStorageRegistry      = registry.SigStorageRegistry
	microsoftRegistry       = registry.MicrosoftRegistry

	imageConfigs, originalImageConfigs = initImageConfigs()
)

const (
	// None is to be used for unset/default images
	None = iota
	// Agnhost image
	Agnhost
	// AgnhostPrivate image
	AgnhostPrivate
	// AuthenticatedAlpine image
	AuthenticatedAlpine
	// BusyBox image
	BusyBox
	// CudaVectorAdd image
	CudaVectorAdd
	// DebianIptables Image
	DebianIptables
	// Etcd image
	Etcd
	// NFSProvisioner image
	NFSProvisioner
	// Pause image
	Pause
	// Perl image
	Perl
	// WindowsServer image
	WindowsServer
)

func initImageConfigs() (map[int]Config, map[int]Config) {
	configs := map[int]Config{}
	configs[Agnhost] = Config{promoterE2eRegistry, "agnhost", "2.32"}
	configs[AgnhostPrivate] = Config{PrivateRegistry, "agnhost", "2.6"}
	configs[AuthenticatedAlpine] = Config{gcAuthenticatedRegistry, "alpine", "3.7"}
	configs[BusyBox] = Config{promoterE2eRegistry, "busybox", "1.29-1"}
	configs[CudaVectorAdd] = Config{e2eRegistry, "cuda-vector-add", "1.0"}
	configs[DebianIptables] = Config{buildImageRegistry, "debian-iptables", "buster-v1.6.2"}
	configs[Etcd] = Config{gcEtcdRegistry, "etcd", "3.4.13-0"}
	configs[NFSProvisioner] = Config{sigStorageRegistry, "nfs-provisioner", "v2.2.2"}
	// Pause - keep in step with the kubelet's default
	configs[Pause] = Config{gcRegistry, "pause", "3.4.1"}
	configs[Perl] = Config{dockerLibraryRegistry, "perl", "5.26"}
	configs[WindowsServer] = Config{microsoftRegistry, "windows", "1809"}

	// if requested, map all the SHAs into a known format based on the input
	originalImageConfigs := configs
	if repo := os.Getenv("KUBE_TEST_REPO"); len(repo) > 0 {
		configs = GetMappedImageConfigs(originalImageConfigs, repo)
	}

	return configs, originalImageConfigs
}

// GetMappedImageConfigs returns the images if they were mapped to the provided
// image repository.
func GetMappedImageConfigs(originalImageConfigs map[int]Config, repo string) map[int]Config {
	configs := make(map[int]Config)
	for i, config := range originalImageConfigs {
		switch i {
		case AuthenticatedAlpine, AgnhostPrivate:
			configs[i] = config
			continue
		}
		configs[i] = getRepositoryMappedConfig(i, config, repo)
	}
	return configs
}

var (
	reCharSafe = regexp.MustCompile(`[^\w]`)
	reDashes   = regexp.MustCompile(`-+`)
)

func getRepositoryMappedConfig(index int, config Config, repo string) Config {
	parts := strings.SplitN(repo, "/", 2)
	registry, name := parts[0], parts[1]

	pullSpec := fmt.Sprintf("%s/%s:%s", config.registry, config.name, config.version)
	h := sha256.New()
	h.Write([]byte(pullSpec))
	hash := base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:16])

	shortName := reCharSafe.ReplaceAllLiteralString(pullSpec, "-")
	shortName = reDashes.ReplaceAllLiteralString(shortName, "-")
	maxLength := 127 - 16 - 6 - 10
	if len(shortName) > maxLength {
		shortName = shortName[len(shortName)-maxLength:]
	}
	return Config{
		registry: registry,
		name:     name,
		version:  fmt.Sprintf("e2e-%d-%s-%s", index, shortName, hash),
	}
}

// ReplaceRegistryInImageURL swaps well-known registries for the configured ones.
func ReplaceRegistryInImageURL(imageURL string) (string, error) {
	parts := strings.Split(imageURL, "/")
	countParts := len(parts)
	registryAndUser := strings.Join(parts[:countParts-1], "/")

	switch registryAndUser {
	case "k8s.gcr.io/e2e-test-images":
		registryAndUser = promoterE2eRegistry
	case "k8s.gcr.io":
		registryAndUser = gcRegistry
	default:
		if countParts == 1 {
			registryAndUser = dockerLibraryRegistry
			break
		}
		return "", fmt.Errorf("Registry: %s is missing in test/utils/image/manifest.go", registryAndUser)
	}
	return fmt.Sprintf("%s/%s", registryAndUser, parts[countParts-1]), nil
}
