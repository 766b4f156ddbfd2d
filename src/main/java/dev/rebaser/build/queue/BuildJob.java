package dev.rebaser.build.queue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One build of one image for one architecture. Its state only changes through
 * {@link BuildQueue}, which writes a {@link BuildJobEvent} for every change; the version
 * guards against two instances changing the same job at once.
 */
@Entity
@Table(name = "build_job")
public class BuildJob {

	static final int MAX_TEXT = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "image_key", nullable = false)
	private String imageKey;

	@Column(name = "arch", nullable = false)
	private String arch;

	@Column(name = "docker_host")
	private String dockerHost;

	@Enumerated(EnumType.STRING)
	@Column(name = "state", nullable = false)
	private BuildState state;

	private int priority;

	private int attempts;

	@Column(name = "max_attempts")
	private int maxAttempts;

	@Column(name = "force_build")
	private boolean force;

	@Column(name = "input_digest")
	private String inputDigest;

	@Column(name = "image_reference")
	private String imageReference;

	@Column(name = "image_id")
	private String imageId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Column(name = "failure_reason")
	private String failureReason;

	@Enumerated(EnumType.STRING)
	@Column(name = "failure_category")
	private FailureCategory failureCategory;

	@Column(name = "wait_reason")
	private String waitReason;

	@Column(name = "claimed_by")
	private String claimedBy;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "build_job_parent", joinColumns = @JoinColumn(name = "job_id"))
	@Column(name = "parent_key")
	private Set<String> parentKeys = new TreeSet<>();

	protected BuildJob() {
	}

	public BuildJob(String imageKey, String arch, Set<String> parentKeys, String imageReference, int priority,
			int maxAttempts, boolean force, Instant createdAt) {
		this.imageKey = imageKey;
		this.arch = arch;
		this.parentKeys = new TreeSet<>(parentKeys);
		this.imageReference = imageReference;
		this.priority = priority;
		this.maxAttempts = maxAttempts;
		this.force = force;
		this.createdAt = createdAt;
		this.state = BuildState.DEP_WAIT;
	}

	public Long getId() {
		return id;
	}

	public String getImageKey() {
		return imageKey;
	}

	public String getArch() {
		return arch;
	}

	public String getDockerHost() {
		return dockerHost;
	}

	public BuildState getState() {
		return state;
	}

	public int getPriority() {
		return priority;
	}

	public int getAttempts() {
		return attempts;
	}

	public int getMaxAttempts() {
		return maxAttempts;
	}

	public boolean isForce() {
		return force;
	}

	public String getInputDigest() {
		return inputDigest;
	}

	public String getImageReference() {
		return imageReference;
	}

	public String getImageId() {
		return imageId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getFinishedAt() {
		return finishedAt;
	}

	public String getFailureReason() {
		return failureReason;
	}

	public FailureCategory getFailureCategory() {
		return failureCategory;
	}

	public String getWaitReason() {
		return waitReason;
	}

	public String getClaimedBy() {
		return claimedBy;
	}

	public long getVersion() {
		return version;
	}

	public Set<String> getParentKeys() {
		return Collections.unmodifiableSet(parentKeys);
	}

	public void setState(BuildState state) {
		this.state = state;
	}

	public void setDockerHost(String dockerHost) {
		this.dockerHost = dockerHost;
	}

	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	public void setInputDigest(String inputDigest) {
		this.inputDigest = inputDigest;
	}

	public void setImageId(String imageId) {
		this.imageId = imageId;
	}

	public void setStartedAt(Instant startedAt) {
		this.startedAt = startedAt;
	}

	public void setFinishedAt(Instant finishedAt) {
		this.finishedAt = finishedAt;
	}

	public void setFailure(FailureCategory category, String reason) {
		this.failureCategory = category;
		this.failureReason = clip(reason, MAX_TEXT);
	}

	public void setWaitReason(String waitReason) {
		this.waitReason = clip(waitReason, 1000);
	}

	public void setClaimedBy(String claimedBy) {
		this.claimedBy = claimedBy;
	}

	public static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	@Override
	public String toString() {
		return "BuildJob#" + id + "[" + imageKey + " " + arch + " " + state + "]";
	}

}
