package dev.rebaser.build.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One state change of a job: when, who or what made it ({@code scheduler@<instance>},
 * {@code user:<name>}, {@code startup-recovery}), from which state to which, and why.
 * Rows are only ever added.
 */
@Entity
@Table(name = "build_job_event")
public class BuildJobEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "job_id", nullable = false, updatable = false)
	private Long jobId;

	@Column(name = "at", nullable = false, updatable = false)
	private Instant at;

	@Column(name = "actor", nullable = false, updatable = false)
	private String actor;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_state", updatable = false)
	private BuildState fromState;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_state", nullable = false, updatable = false)
	private BuildState toState;

	@Column(name = "note", updatable = false)
	private String note;

	protected BuildJobEvent() {
	}

	public BuildJobEvent(Long jobId, Instant at, String actor, BuildState fromState, BuildState toState, String note) {
		this.jobId = jobId;
		this.at = at;
		this.actor = actor;
		this.fromState = fromState;
		this.toState = toState;
		this.note = BuildJob.clip(note, BuildJob.MAX_TEXT);
	}

	public Long getId() {
		return id;
	}

	public Long getJobId() {
		return jobId;
	}

	public Instant getAt() {
		return at;
	}

	public String getActor() {
		return actor;
	}

	public BuildState getFromState() {
		return fromState;
	}

	public BuildState getToState() {
		return toState;
	}

	public String getNote() {
		return note;
	}

	@Override
	public String toString() {
		return at + " " + actor + " " + fromState + "->" + toState + (note == null ? "" : " (" + note + ")");
	}

}
