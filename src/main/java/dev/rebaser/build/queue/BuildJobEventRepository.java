package dev.rebaser.build.queue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BuildJobEventRepository extends JpaRepository<BuildJobEvent, Long> {

	List<BuildJobEvent> findByJobIdOrderByIdAsc(Long jobId);

}
