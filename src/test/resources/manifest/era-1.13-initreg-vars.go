/*
Test input written for Rebaser: the ~1.13 shape. A RegistryList with yaml tags is
filled by initReg(), which lets KUBE_TEST_REPO_LIST override it, and the registry
variables are copied out of it at package initialisation.
*/

package image

import (
	"fmt"
	"io/ioutil"
	"os"

	yaml "gopkg.in/yaml.v2"
)

type RegistryList struct {
	DockerLibraryRegistry string `yaml:"dockerLibraryRegistry"`
	E2eRegistry           string `yaml:"e2eRegistry"`
	GcRegistry            string `yaml:"gcRegistry"`
	PrivateRegistry       string `yaml:"privateRegistry"`
	SampleRegistry        string `yaml:"sampleRegistry"`
}

type ImageConfig struct {
	registry string
	name     string
	version  string
}

func initReg() RegistryList {
	registry := RegistryList{
		DockerLibraryRegistry: "docker.io/library",
		E2eRegistry:           "gcr.io/kubernetes-e2e-test-images",
		GcRegistry:            "k8s.gcr.io",
		PrivateRegistry:       "gcr.io/k8s-authenticated-test",
		SampleRegistry:        "gcr.io/google-samples",
	}
	repoList := os.Getenv("KUBE_TEST_REPO_LIST")
	if repoList == "" {
		return registry
	}

	fileContent, err := ioutil.ReadFile(repoList)
	if err != nil {
		panic(fmt.Errorf("cannot read %q: %v", repoList, err))
	}
	if err = yaml.Unmarshal(fileContent, &registry); err != nil {
		panic(fmt.Errorf("cannot parse %q: %v", repoList, err))
	}
	return registry
}

var (
	registry              = initReg()
	dockerLibraryRegistry = registry.DockerLibraryRegistry
	e2eRegistry           = registry.E2eRegistry
	gcRegistry            = registry.GcRegistry
	PrivateRegistry       = registry.PrivateRegistry
	sampleRegistry        = registry.SampleRegistry

	AdmissionWebhook = ImageConfig{e2eRegistry, "webhook", "1.13v1"}
	BusyBox          = ImageConfig{dockerLibraryRegistry, "busybox", "1.29"}
	GBRedisSlave     = ImageConfig{sampleRegistry, "gb-redisslave", "v3"}
	Kitten           = ImageConfig{e2eRegistry, "kitten", "1.0"}
	Nginx            = ImageConfig{dockerLibraryRegistry, "nginx", "1.14-alpine"}
	Pause            = ImageConfig{gcRegistry, "pause", "3.1"}
	VolumeNFSServer  = ImageConfig{e2eRegistry, "volume/nfs", "1.0"}
)

// GetE2EImage prints the full reference of an image.
func GetE2EImage(image ImageConfig) string {
	return fmt.Sprintf("%s/%s:%s", image.registry, image.name, image.version)
}
