package dev.rebaser.build.queue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BuildJobRepository extends JpaRepository<BuildJob, Long> {

	/**
	 * The next job a host may build, locked for this transaction. Rows other transactions
	 * hold are skipped rather than waited for, so instances claiming at once each get a
	 * different job. H2 (2.2 and later) and PostgreSQL both accept this statement as
	 * written.
	 */
	@Query(value = """
			SELECT id FROM build_job
			WHERE state = 'NEEDS_BUILD' AND (docker_host IS NULL OR docker_host = :host)
			ORDER BY priority DESC, id
			FETCH FIRST 1 ROWS ONLY
			FOR UPDATE SKIP LOCKED""", nativeQuery = true)
	Optional<Long> lockNextClaimable(@Param("host") String host);

	List<BuildJob> findByState(BuildState state);

	List<BuildJob> findByStateAndClaimedBy(BuildState state, String claimedBy);

	List<BuildJob> findByImageKeyAndArchOrderByIdDesc(String imageKey, String arch);

	/** The newest job of every image and arch. */
	@Query("SELECT j FROM BuildJob j WHERE j.id IN (SELECT MAX(k.id) FROM BuildJob k GROUP BY k.imageKey, k.arch)")
	List<BuildJob> findLatestPerImageAndArch();

	Optional<BuildJob> findFirstByImageKeyAndArchOrderByIdDesc(String imageKey, String arch);

	public Optional<BuildJob> findFirstByImageKeyAndArchAndStateAndIdNotOrderByIdDesc(String imageKey, String arch,
			BuildState state, Long id);

	List<BuildJob> findByImageKeyAndArchAndStateIn(String imageKey, String arch, Collection<BuildState> states);

	long countByState(BuildState state);

}
