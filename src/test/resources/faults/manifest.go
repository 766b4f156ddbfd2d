// A one-image manifest for the service fault tests: a slow build that can be interrupted.

package image

import "fmt"

// Config is one image: where it lives, its name and its version.
type Config struct {
	registry string
	name     string
	version  string
}

// ImageID picks an image.
type ImageID int

const (
	// None is the zero value.
	None ImageID = iota
	// Sleeper takes its time to build.
	Sleeper
)

var imageConfigs = initImageConfigs()

func initImageConfigs() map[ImageID]Config {
	configs := map[ImageID]Config{}
	configs[Sleeper] = Config{"rebaser.test/faults", "sleeper", "1.0"}
	return configs
}

// GetE2EImage returns the full reference of an image.
func GetE2EImage(image ImageID) string {
	c := imageConfigs[image]
	return fmt.Sprintf("%s/%s:%s", c.registry, c.name, c.version)
}
